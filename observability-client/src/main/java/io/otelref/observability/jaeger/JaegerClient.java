package io.otelref.observability.jaeger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import io.otelref.observability.http.BackendException;
import io.otelref.observability.http.JsonHttpClient;
import io.otelref.observability.http.JsonResponse;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceIds;

/**
 * Reads traces from Jaeger's query HTTP API (the one its UI uses: {@code /api/traces},
 * {@code /api/services}, {@code /api/services/{service}/operations}). Thread-safe.
 */
public final class JaegerClient {

    public static final String DEFAULT_URL = "http://127.0.0.1:16686";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final JsonHttpClient http;

    public JaegerClient(URI baseUrl) {
        this.http = new JsonHttpClient("Jaeger", baseUrl);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /**
     * The trace as Jaeger holds it right now, which may still be missing spans; empty when Jaeger has
     * none of its spans.
     *
     * @param traceId 1 to 32 hex digits, as in a {@code traceparent} header or a log line
     * @throws IllegalArgumentException when {@code traceId} is not hex
     * @throws BackendException         when Jaeger is unreachable or answers with an error
     */
    public Optional<Trace> trace(String traceId) {
        String normalized = TraceIds.normalize(traceId);
        String path = "/api/traces/" + normalized;
        JsonResponse response = http.get(path, Map.of());
        if (response.status() == 404) {
            return Optional.empty();
        }
        List<Trace> traces = JaegerTraceParser.traces(data(response, "GET " + path));
        return traces.stream().filter(trace -> !trace.spans().isEmpty()).findFirst();
    }

    /**
     * Polls until the trace satisfies {@code complete}: spans reach Jaeger in batches, from several
     * services, and the root last, so "the trace exists" rarely means "the trace is all there".
     *
     * @throws TraceTimeoutException when {@code timeout} passes first; its message lists what had arrived
     */
    public Trace awaitTrace(String traceId, Predicate<Trace> complete, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<Trace> trace = trace(traceId);
            if (trace.isPresent() && complete.test(trace.get())) {
                return trace.get();
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new TraceTimeoutException(traceId, timeout, trace);
            }
            sleep(POLL_INTERVAL);
        }
    }

    /**
     * The most recent traces in which {@code service} has a span (of {@code operation}, when given)
     * that started within {@code lookback}. Jaeger's search has no {@code lookback} parameter (its UI
     * turns one into {@code start}/{@code end}), so this sends the window in microseconds.
     *
     * @param operation a span name of that service, or {@code null} for any
     */
    public List<Trace> findTraces(String service, String operation, Duration lookback, int limit) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("Jaeger needs a service to search traces");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        Instant end = Instant.now();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("service", service);
        if (operation != null) {
            query.put("operation", operation);
        }
        query.put("start", Long.toString(epochMicros(end.minus(lookback))));
        query.put("end", Long.toString(epochMicros(end)));
        query.put("limit", Integer.toString(limit));
        JsonResponse response = http.get("/api/traces", query);
        return JaegerTraceParser.traces(data(response, "GET /api/traces?service=" + service));
    }

    /** Every service name Jaeger has received spans from. */
    public List<String> services() {
        JsonNode data = data(http.get("/api/services", Map.of()), "GET /api/services");
        List<String> services = new ArrayList<>();
        if (data != null) {
            data.forEach(service -> services.add(service.asText()));
        }
        return services.stream().sorted().toList();
    }

    /**
     * The span names {@code service} has reported, of every span kind, sorted: what
     * {@link #findTraces} takes as its {@code operation}.
     */
    public List<String> operations(String service) {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("Jaeger needs a service to list its operations");
        }
        String path = "/api/services/" + URLEncoder.encode(service, StandardCharsets.UTF_8).replace("+", "%20")
                + "/operations";
        JsonNode data = data(http.get(path, Map.of()), "GET " + path);
        List<String> operations = new ArrayList<>();
        if (data != null) {
            data.forEach(operation -> operations.add(operation.asText()));
        }
        return operations.stream().sorted().toList();
    }

    // Jaeger wraps every answer as {"data": ..., "errors": [{"code", "msg"}]}.
    private JsonNode data(JsonResponse response, String request) {
        JsonNode errors = response.body().path("errors");
        if (!response.isSuccess() || (errors.isArray() && !errors.isEmpty())) {
            String reason = errors.isArray() && !errors.isEmpty()
                    ? errors.get(0).path("msg").asText()
                    : "no error message";
            throw http.failure(request, "answered " + response.status() + ": " + reason);
        }
        JsonNode data = response.body().path("data");
        return data.isMissingNode() || data.isNull() ? null : data;
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a trace", e);
        }
    }
}
