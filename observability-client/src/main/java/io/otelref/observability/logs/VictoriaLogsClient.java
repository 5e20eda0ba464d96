package io.otelref.observability.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.observability.http.BackendException;
import io.otelref.observability.http.JsonHttpClient;
import io.otelref.observability.trace.TraceIds;

/**
 * Asks VictoriaLogs's LogsQL API ({@code /select/logsql/query}) for the log records the services sent through the
 * collector. Field names are the OpenTelemetry ones as VictoriaLogs stores them: {@code trace_id}, {@code span_id},
 * {@code severity_text}, the resource attributes ({@code service.name}, ...) and the record's attributes.
 * Thread-safe.
 */
public final class VictoriaLogsClient {

    public static final String DEFAULT_URL = "http://127.0.0.1:9428";

    /** Fields every record has, kept in their own record components rather than in {@link LogRecord#fields()}. */
    private static final Set<String> NAMED = Set.of("_time", "_msg", "_stream", "_stream_id", "service.name", "trace_id",
            "span_id", "severity_text");

    private final JsonHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public VictoriaLogsClient(URI baseUrl) {
        this.http = new JsonHttpClient("VictoriaLogs", baseUrl);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /**
     * Every record written in the trace, oldest first, from any service.
     *
     * @param traceId 1 to 32 hex digits: Jaeger shows ids without their leading zeros, the records keep all 32
     */
    public List<LogRecord> ofTrace(String traceId) {
        return query("trace_id:" + TraceIds.full(traceId) + " | sort by (_time)");
    }

    /**
     * The records from {@code from} (inclusive) to {@code to} (exclusive) that a LogsQL {@code filter} selects,
     * e.g. {@code severity_text:in(WARN, ERROR)}, oldest first, at most {@code limit} of them.
     */
    public List<LogRecord> between(Instant from, Instant to, String filter, int limit) {
        return oldestFirst(query("_time:[" + from + ", " + to + ") " + filter + " | limit " + limit));
    }

    /** At most {@code limit} records of the last {@code window}, oldest first. */
    public List<LogRecord> within(Duration window, int limit) {
        return oldestFirst(query("_time:" + window.toSeconds() + "s | limit " + limit));
    }

    /**
     * Sorted here rather than by LogsQL's {@code sort}: VictoriaLogs bounds a query's memory by a share of its caches
     * ({@code -memory.allowedBytes}, 48 MiB in this stack), and sorting half an hour of records outgrew it (a 400
     * answer: "requires more than 9MB of memory"). A trace's records are few, so {@link #ofTrace} sorts there.
     */
    private static List<LogRecord> oldestFirst(List<LogRecord> records) {
        return records.stream().sorted(Comparator.comparing(LogRecord::time)).toList();
    }

    /**
     * What each service logged at each severity in the given traces, from {@code from} (inclusive) to {@code to}
     * (exclusive): counted by VictoriaLogs ({@code stats}), so that no record travels; busiest first.
     *
     * @param traceIds as {@link #ofTrace} takes them; at most a few hundred, they are all in the query
     */
    public List<LogVolume> volume(Instant from, Instant to, Collection<String> traceIds) {
        if (traceIds.isEmpty()) {
            return List.of();
        }
        String logsql = "_time:[" + from + ", " + to + ") trace_id:in("
                + traceIds.stream().map(TraceIds::full).collect(Collectors.joining(", ")) + ")"
                + " | stats by (service.name, severity_text) count() records, sum_len(_msg, exception.stacktrace) text_bytes";
        return answer(logsql).stream()
                .map(row -> new LogVolume(row.path("service.name").asText(), row.path("severity_text").asText(),
                        row.path("records").asLong(), row.path("text_bytes").asLong()))
                .sorted(Comparator.comparingLong(LogVolume::records).reversed()
                        .thenComparing(LogVolume::service).thenComparing(LogVolume::severity))
                .toList();
    }

    /** The records a LogsQL query selects, in the order it gives them. */
    public List<LogRecord> query(String logsql) {
        return answer(logsql).stream().map(this::record).toList();
    }

    /** The JSON lines VictoriaLogs answers a LogsQL query with: one per record, or per row of a {@code stats} pipe. */
    private List<JsonNode> answer(String logsql) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : http.getText("/select/logsql/query", Map.of("query", logsql)).split("\n")) {
            if (!line.isBlank()) {
                lines.add(parse(line, logsql));
            }
        }
        return lines;
    }

    private LogRecord record(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!NAMED.contains(field.getKey())) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        }
        return new LogRecord(Instant.parse(node.path("_time").asText()), node.path("service.name").asText(),
                present(node, "trace_id"), present(node, "span_id"), node.path("severity_text").asText(),
                node.path("_msg").asText(), Map.copyOf(fields));
    }

    private JsonNode parse(String line, String logsql) {
        try {
            return json.readTree(line);
        } catch (IOException unreadable) {
            throw new BackendException("VictoriaLogs at " + baseUrl() + " answered " + logsql + " with a line that is"
                    + " not JSON: " + line, new UncheckedIOException(unreadable));
        }
    }

    private static Optional<String> present(JsonNode node, String field) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
