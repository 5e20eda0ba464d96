package io.otelref.platform.telemetry;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets Prometheus receive exemplars: the trace ids that lead from a latency bucket to a trace.
 *
 * <p>Two things stand in the way with Quarkus 3.33 and the Prometheus 2.x that Debian ships. Quarkus
 * answers in the plain text format (which has no exemplars) whenever the Accept header mentions
 * {@code text/plain} at all, and Prometheus always lists it as its last fallback. And Micrometer also
 * puts an exemplar on each histogram's {@code _count} line, which Prometheus 2.x refuses, failing the
 * whole scrape. So a scraper that accepts OpenMetrics gets OpenMetrics here, with exemplars on the
 * buckets only: the OpenMetrics 1.0 places for them. Every other request goes on to Quarkus' own
 * endpoint unchanged.
 *
 * <p>Below runbook phase 4 ({@link InstrumentationPhase#exemplars()}) traces are not yet linked to metrics:
 * every scraper gets the plain text format, which has no place for exemplars.
 */
@ApplicationScoped
public class OpenMetricsNegotiation {

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** A {@code _count} sample and its exemplar; label values may hold braces, as in {@code uri="/api/orders/{id}"}. */
    private static final Pattern EXEMPLAR_ON_COUNT = Pattern.compile(
            "(?m)^(\\w+_count(?:\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*})? \\S+) # \\{.*$");

    private final PrometheusMeterRegistry registry;
    private final InstrumentationPhase phase;

    OpenMetricsNegotiation(PrometheusMeterRegistry registry, InstrumentationPhase phase) {
        this.registry = registry;
        this.phase = phase;
    }

    void serveOpenMetrics(@Observes Router router,
            @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "/q/metrics") String path) {
        router.get(path).order(Integer.MIN_VALUE).handler(this::scrape);
    }

    private void scrape(RoutingContext request) {
        String accept = request.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("application/openmetrics-text")) {
            request.next();
            return;
        }
        if (!phase.exemplars()) {
            request.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, TextFormat.CONTENT_TYPE_004)
                    .end(registry.scrape(TextFormat.CONTENT_TYPE_004));
            return;
        }
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, OPENMETRICS)
                .end(withoutExemplarsOnCounts(registry.scrape(OPENMETRICS)));
    }

    static String withoutExemplarsOnCounts(String openMetrics) {
        return EXEMPLAR_ON_COUNT.matcher(openMetrics).replaceAll("$1");
    }
}
