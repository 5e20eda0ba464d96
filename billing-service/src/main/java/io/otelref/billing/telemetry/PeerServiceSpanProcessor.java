package io.otelref.billing.telemetry;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.incubating.PeerIncubatingAttributes;
import io.otelref.billing.client.PaymentGatewayClient;

/**
 * Names the payment gateway with {@code peer.service} on every CLIENT span sent to its base URL. The
 * gateway sends no spans of its own, so this attribute is what lets Jaeger draw it as a node of the
 * service graph. (The OpenTelemetry Java agent offers the same as {@code peer-service-mapping}.)
 *
 * <p>A span processor rather than a REST client filter: the CLIENT span is never the current span
 * inside client filters, and their order relative to Quarkus's tracing filter is not guaranteed.
 */
@Singleton
public class PeerServiceSpanProcessor implements SpanProcessor {

    private final String gatewayUrl;

    PeerServiceSpanProcessor(@ConfigProperty(name = "quarkus.rest-client.payment-gateway.url") String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String url = span.getAttribute(UrlAttributes.URL_FULL);
        if (span.getKind() == SpanKind.CLIENT && url != null && url.startsWith(gatewayUrl)) {
            span.setAttribute(PeerIncubatingAttributes.PEER_SERVICE, PaymentGatewayClient.DEPENDENCY);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
