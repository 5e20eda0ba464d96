package io.otelref.observability.prometheus;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.otelref.observability.http.BackendException;
import io.otelref.observability.http.JsonHttpClient;
import io.otelref.observability.http.JsonResponse;

/** Asks Prometheus's HTTP API ({@code /api/v1/...}) the questions tests and scenario checks ask. Thread-safe. */
public final class PrometheusClient {

    public static final String DEFAULT_URL = "http://127.0.0.1:9090";

    private final JsonHttpClient http;

    public PrometheusClient(URI baseUrl) {
        this.http = new JsonHttpClient("Prometheus", baseUrl);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /**
     * Evaluates an instant query. A scalar result comes back as one sample without labels.
     *
     * @throws BackendException when Prometheus is unreachable or rejects the query (its message included)
     */
    public List<Sample> query(String promql) {
        JsonNode data = data(http.get("/api/v1/query", Map.of("query", promql)), "query " + promql);
        JsonNode result = data.path("result");
        String resultType = data.path("resultType").asText();
        return switch (resultType) {
            case "vector" -> samples(result);
            case "scalar" -> List.of(new Sample(Map.of(), value(result.get(1)), timestamp(result.get(0))));
            default -> throw http.failure("query " + promql,
                    "returned a " + resultType + "; only instant vectors and scalars are supported");
        };
    }

    /**
     * The value of a query that yields exactly one sample, e.g. {@code sum(rate(...[1m]))}. An empty
     * vector is a failure, not zero: "no such series" and "zero" mean different things in a check.
     */
    public double scalar(String promql) {
        List<Sample> samples = query(promql);
        if (samples.size() != 1) {
            throw http.failure("query " + promql, "returned " + samples.size() + " samples where exactly one was expected: "
                    + samples.stream().map(Sample::labels).toList());
        }
        return samples.getFirst().value();
    }

    /** Every active scrape target, with its health and last scrape error. */
    public List<Target> targets() {
        JsonNode data = data(http.get("/api/v1/targets", Map.of("state", "active")), "targets");
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : data.path("activeTargets")) {
            JsonNode labels = target.path("labels");
            targets.add(new Target(
                    labels.path("job").asText(),
                    labels.path("instance").asText(),
                    target.path("health").asText(),
                    target.path("scrapeUrl").asText(),
                    target.path("lastError").asText()));
        }
        return targets;
    }

    /**
     * The exemplars stored for the series {@code promql} selects, between {@code start} and {@code end}.
     * Prometheus keeps exemplars only when started with {@code --enable-feature=exemplar-storage} and
     * only from scrapes in the OpenMetrics format.
     */
    public List<Exemplar> exemplars(String promql, Instant start, Instant end) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("query", promql);
        query.put("start", epochSeconds(start));
        query.put("end", epochSeconds(end));
        JsonNode data = data(http.get("/api/v1/query_exemplars", query), "query_exemplars " + promql);
        List<Exemplar> exemplars = new ArrayList<>();
        for (JsonNode series : data) {
            Map<String, String> seriesLabels = labels(series.path("seriesLabels"));
            for (JsonNode exemplar : series.path("exemplars")) {
                exemplars.add(new Exemplar(seriesLabels, labels(exemplar.path("labels")),
                        value(exemplar.path("value")), timestamp(exemplar.path("timestamp"))));
            }
        }
        return exemplars;
    }

    // Prometheus answers {"status": "success", "data": ...} or {"status": "error", "errorType", "error"}.
    private JsonNode data(JsonResponse response, String request) {
        JsonNode body = response.body();
        if (!response.isSuccess() || !"success".equals(body.path("status").asText())) {
            String reason = body.has("error")
                    ? body.path("errorType").asText() + ": " + body.path("error").asText()
                    : "no error message";
            throw http.failure(request, "answered " + response.status() + ": " + reason);
        }
        return body.path("data");
    }

    private static List<Sample> samples(JsonNode result) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : result) {
            JsonNode value = series.path("value");
            samples.add(new Sample(labels(series.path("metric")), value(value.get(1)), timestamp(value.get(0))));
        }
        return samples;
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> byName = new LinkedHashMap<>();
        labels.properties().forEach(label -> byName.put(label.getKey(), label.getValue().asText()));
        return byName;
    }

    // Sample values are strings so that NaN and ±Inf survive JSON; Prometheus spells infinity "+Inf".
    private static double value(JsonNode value) {
        return switch (value.asText()) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value.asText());
        };
    }

    // Unix seconds with millisecond decimals.
    private static Instant timestamp(JsonNode seconds) {
        return Instant.ofEpochMilli(Math.round(seconds.asDouble() * 1000));
    }

    private static String epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
    }
}
