package io.otelref.observability.jaeger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/**
 * Reads the traces of Jaeger's query HTTP API ({@code /api/traces...}), whose JSON is Jaeger's own
 * model rather than OTLP: a span names its process by id, the {@code processes} map of the trace
 * holds the service name and the resource attributes as process tags, times are microseconds, and
 * the OTLP parent is a CHILD_OF reference.
 */
public final class JaegerTraceParser {

    private static final String CHILD_OF = "CHILD_OF";
    private static final String SPAN_KIND_TAG = "span.kind";
    private static final String UNKNOWN_SERVICE = "unknown-service";

    private JaegerTraceParser() {
    }

    /**
     * The traces of a whole {@code /api/traces} or {@code /api/traces/{id}} answer, e.g. one saved
     * with curl; errors in it are not checked (the client does that for live answers).
     */
    public static List<Trace> fromResponse(JsonNode response) {
        JsonNode data = response.path("data");
        return traces(data.isMissingNode() || data.isNull() ? null : data);
    }

    /** The {@code data} array of a Jaeger response; {@code null} and missing read as no traces. */
    static List<Trace> traces(JsonNode data) {
        List<Trace> traces = new ArrayList<>();
        if (data != null) {
            data.forEach(trace -> traces.add(trace(trace)));
        }
        return traces;
    }

    static Trace trace(JsonNode trace) {
        Map<String, JsonNode> processesById = new LinkedHashMap<>();
        trace.path("processes").properties().forEach(process -> processesById.put(process.getKey(), process.getValue()));
        List<TraceSpan> spans = new ArrayList<>();
        trace.path("spans").forEach(span -> spans.add(span(span, processesById)));
        return new Trace(trace.path("traceID").asText(), spans);
    }

    private static TraceSpan span(JsonNode span, Map<String, JsonNode> processesById) {
        Map<String, String> tags = tags(span.path("tags"));
        JsonNode process = process(span, processesById);
        return new TraceSpan(
                span.path("traceID").asText(),
                span.path("spanID").asText(),
                parentSpanId(span),
                process.path("serviceName").isTextual() ? process.path("serviceName").asText() : UNKNOWN_SERVICE,
                span.path("operationName").asText(),
                SpanKind.fromTag(tags.get(SPAN_KIND_TAG)),
                Instant.EPOCH.plus(span.path("startTime").asLong(), ChronoUnit.MICROS),
                Duration.of(span.path("duration").asLong(), ChronoUnit.MICROS),
                tags,
                tags(process.path("tags")));
    }

    // Older Jaeger versions also wrote a top-level parentSpanID; the reference is what every version has.
    private static String parentSpanId(JsonNode span) {
        for (JsonNode reference : span.path("references")) {
            if (CHILD_OF.equals(reference.path("refType").asText())) {
                return reference.path("spanID").asText();
            }
        }
        return null;
    }

    // A span carries its process inline only when the response was not deduplicated into "processes".
    private static JsonNode process(JsonNode span, Map<String, JsonNode> processesById) {
        JsonNode inline = span.path("process");
        if (inline.path("serviceName").isTextual()) {
            return inline;
        }
        return processesById.getOrDefault(span.path("processID").asText(), MissingNode.getInstance());
    }

    // Values are typed (string, bool, int64, float64, binary); callers compare text.
    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.putIfAbsent(tag.path("key").asText(), tag.path("value").asText()));
        return byKey;
    }
}
