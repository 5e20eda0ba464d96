package io.otelref.observability.prometheus;

import static io.otelref.observability.CannedHttpServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otelref.observability.CannedHttpServer;
import io.otelref.observability.http.BackendException;

class PrometheusClientTest {

    private final CannedHttpServer prometheusServer = new CannedHttpServer()
            .respond("/api/v1/targets", 200, resource("prometheus/targets.json"))
            .respond("/api/v1/query_exemplars", 200, resource("prometheus/exemplars.json"));
    private final PrometheusClient prometheus = new PrometheusClient(prometheusServer.url());

    @AfterEach
    void stopServer() {
        prometheusServer.close();
    }

    @Test
    void readsAnInstantVectorWithItsLabels() {
        prometheusServer.respond("/api/v1/query", 200, resource("prometheus/query-up.json"));

        List<Sample> samples = prometheus.query("up");

        assertEquals(4, samples.size());
        Sample prometheusItself = samples.stream()
                .filter(sample -> sample.label("job").equals(Optional.of("prometheus"))).findFirst().orElseThrow();
        assertEquals(1.0, prometheusItself.value());
        assertEquals("127.0.0.1:9090", prometheusItself.labels().get("instance"));
        assertEquals(Instant.ofEpochMilli(1795618322999L), prometheusItself.timestamp());
        assertEquals("up", queryParameter(prometheusServer.requests().getLast(), "query"));
    }

    @Test
    void sendsThePromqlEncoded() {
        prometheusServer.respond("/api/v1/query", 200, resource("prometheus/query-up.json"));
        String promql = "sum by (le) (rate(app_checkout_duration_seconds_bucket{outcome=\"placed\"}[1m])) + 0";

        prometheus.query(promql);

        assertEquals(promql, queryParameter(prometheusServer.requests().getLast(), "query"));
    }

    @Test
    void aScalarResultIsOneSampleWithoutLabels() {
        prometheusServer.respond("/api/v1/query", 200, resource("prometheus/query-scalar.json"));

        assertEquals(1.5, prometheus.scalar("scalar(vector(1.5))"));
        assertEquals(Map.of(), prometheus.query("scalar(vector(1.5))").getFirst().labels());
    }

    @Test
    void scalarRefusesAnythingButExactlyOneSample() {
        prometheusServer.respond("/api/v1/query", 200, resource("prometheus/query-up.json"));

        BackendException failure = assertThrows(BackendException.class, () -> prometheus.scalar("up"));

        assertTrue(failure.getMessage().contains("returned 4 samples where exactly one was expected"), failure.getMessage());
    }

    @Test
    void readsPrometheusSpellingOfInfinityAndNan() {
        prometheusServer.respond("/api/v1/query", 200, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"q":"inf"},"value":[1767225600,"+Inf"]},
                  {"metric":{"q":"nan"},"value":[1767225600,"NaN"]}]}}""");

        List<Sample> samples = prometheus.query("whatever");

        assertEquals(Double.POSITIVE_INFINITY, samples.get(0).value());
        assertTrue(Double.isNaN(samples.get(1).value()));
    }

    @Test
    void aRejectedQueryFailsWithPrometheusOwnExplanation() {
        prometheusServer.respond("/api/v1/query", 400, resource("prometheus/query-bad-data.json"));

        BackendException failure = assertThrows(BackendException.class, () -> prometheus.query("sum("));

        assertTrue(failure.getMessage().startsWith("Prometheus at " + prometheusServer.url()), failure.getMessage());
        assertTrue(failure.getMessage().contains("400: bad_data: invalid parameter \"query\""), failure.getMessage());
    }

    @Test
    void listsTargetsWithHealthAndLastError() {
        List<Target> targets = prometheus.targets();

        assertEquals(List.of("billing-service", "checkout-service", "invoice-worker", "prometheus"),
                targets.stream().map(Target::job).sorted().toList());
        Target checkout = targets.stream().filter(target -> target.job().equals("checkout-service")).findFirst().orElseThrow();
        assertEquals("down", checkout.health());
        assertEquals("http://127.0.0.1:8080/q/metrics", checkout.scrapeUrl());
        assertTrue(checkout.lastError().contains("connection refused"), checkout.lastError());
        assertTrue(targets.stream().filter(Target::isUp).allMatch(target -> target.lastError().isEmpty()));
    }

    @Test
    void readsExemplarsAndTheirTraceIdsUnderEitherLabel() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        List<Exemplar> exemplars = prometheus.exemplars("app_checkout_duration_seconds_bucket", start, start.plusSeconds(3600));

        assertEquals(List.of(Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"), Optional.of("7c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f")),
                exemplars.stream().map(Exemplar::traceId).toList());
        assertEquals(0.12, exemplars.getFirst().value());
        assertEquals("0.25", exemplars.getFirst().seriesLabels().get("le"));
        assertEquals(Instant.parse("2026-01-01T00:00:00.120Z"), exemplars.getFirst().timestamp());
        URI request = prometheusServer.requests().getLast();
        assertEquals("1767225600.000", queryParameter(request, "start"));
        assertEquals("1767229200.000", queryParameter(request, "end"));
    }

    @Test
    void saysWhenPrometheusIsUnreachable() {
        URI nobodyListens = prometheusServer.url();
        prometheusServer.close();

        BackendException failure = assertThrows(BackendException.class, () -> new PrometheusClient(nobodyListens).targets());

        assertTrue(failure.getMessage().startsWith("cannot reach Prometheus at " + nobodyListens), failure.getMessage());
    }

    static String queryParameter(URI request, String name) {
        for (String parameter : request.getRawQuery().split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair[0].equals(name)) {
                return URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no parameter " + name + " in " + request);
    }
}
