package io.otelref.platform.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Lets Prometheus receive exemplars. Quarkus' scrape endpoint answers in the plain text format
 * (which has no exemplars) whenever the Accept header mentions {@code text/plain} at all, and
 * Prometheus always lists it as its lowest-preference fallback. A scraper that accepts OpenMetrics
 * is given OpenMetrics: the only format in which a histogram bucket carries its example trace id.
 */
@ApplicationScoped
public class OpenMetricsNegotiation {

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    void preferOpenMetrics(@Observes Router router,
            @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "/q/metrics") String path) {
        router.route(path).order(Integer.MIN_VALUE).handler(request -> {
            String accept = request.request().getHeader(HttpHeaders.ACCEPT);
            if (accept != null && accept.contains("application/openmetrics-text")) {
                request.request().headers().set(HttpHeaders.ACCEPT, OPENMETRICS);
            }
            request.next();
        });
    }
}
