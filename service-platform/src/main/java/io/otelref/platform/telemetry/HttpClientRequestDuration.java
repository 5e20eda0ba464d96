package io.otelref.platform.telemetry;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;

/**
 * {@code http.client.request.duration} of every REST client request, as the HTTP semantic conventions define
 * it: seconds, by method, server, status code and {@code error.type}, with the buckets the conventions advise.
 * Quarkus 3.33 measures the server side of HTTP itself ({@code http.server.request.duration}) but not its REST
 * clients, whose only meters are Micrometer's, under Micrometer's names ({@code http.client.requests}).
 *
 * <p>Each request the client sends is one measurement: a call that fault tolerance retries is several, and
 * each carries {@code url.template} (opt-in in the conventions) so that {@code /api/prices/{sku}} and
 * {@code /api/payments} stay apart without one series per SKU. A request that got no answer is measured too,
 * without a status code and with {@code error.type} {@code _OTHER}: the filter is not told whether the connection
 * was refused or the request abandoned at a timeout (docs/telemetry/known-gaps.md).
 */
@Provider
public class HttpClientRequestDuration implements ClientRequestFilter, ClientResponseFilter {

    public static final String METRIC = "http.client.request.duration";

    private static final String STARTED = HttpClientRequestDuration.class.getName() + ".started";
    /** Where the REST client keeps the request's path template ({@code /api/prices/{sku}}). */
    private static final String PATH_TEMPLATE = "UrlPathTemplate";

    private final DoubleHistogram duration;

    HttpClientRequestDuration(OpenTelemetry openTelemetry) {
        this.duration = openTelemetry.getMeter("io.otelref.platform").histogramBuilder(METRIC)
                .setUnit("s")
                .setDescription("Duration of HTTP client requests.")
                .setExplicitBucketBoundariesAdvice(DurationBuckets.ADVISED)
                .build();
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int status = response.getStatus();
        AttributesBuilder attributes = Attributes.builder()
                .put(HttpAttributes.HTTP_REQUEST_METHOD, request.getMethod())
                .put(ServerAttributes.SERVER_ADDRESS, request.getUri().getHost())
                .put(ServerAttributes.SERVER_PORT, portOf(request));
        if (request.getProperty(PATH_TEMPLATE) instanceof String template && !template.isEmpty()) {
            attributes.put(URL_TEMPLATE, template);
        }
        if (status < 100) {
            // No answer (the REST client reports one with status 0 when the request failed or was abandoned at
            // a timeout): no status code, and the conventions' error.type for a cause this filter is not told.
            attributes.put(ErrorAttributes.ERROR_TYPE, ErrorAttributes.ErrorTypeValues.OTHER);
        } else {
            attributes.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, status);
            if (status >= 400) {
                // The conventions' error.type for an HTTP error is the status code itself.
                attributes.put(ErrorAttributes.ERROR_TYPE, Integer.toString(status));
            }
        }
        duration.record(seconds, attributes.build());
    }

    private static long portOf(ClientRequestContext request) {
        int port = request.getUri().getPort();
        if (port != -1) {
            return port;
        }
        return "https".equals(request.getUri().getScheme()) ? 443 : 80;
    }

    /** {@code url.template}: in the incubating registry only, so not among {@link UrlAttributes}' stable keys. */
    private static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
}
