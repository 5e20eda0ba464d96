package io.otelref.billing.telemetry;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.semconv.UrlAttributes;
import io.otelref.billing.client.PaymentGatewayClient;

/**
 * Names the payment gateway with {@code server.service.name} on every CLIENT span sent to its base URL.
 * The gateway sends no spans of its own, so this attribute is what names it as the other end of the
 * call. (The OpenTelemetry Java agent offers the same as {@code peer-service-mapping}.)
 *
 * <p>A span processor rather than a REST client filter: the CLIENT span is never the current span
 * inside client filters, and their order relative to Quarkus's tracing filter is not guaranteed.
 */
@Singleton
public class PeerServiceSpanProcessor implements SpanProcessor {

    /**
     * The logical name of the service on the other side of a CLIENT span (semantic conventions 1.45, where it
     * replaces the deprecated {@code peer.service} and {@code service.peer.name}). Spelled out here because the
     * semconv artifact of the Quarkus BOM (1.37) predates it.
     */
    public static final AttributeKey<String> SERVER_SERVICE_NAME = AttributeKey.stringKey("server.service.name");

    private final String gatewayUrl;

    PeerServiceSpanProcessor(@ConfigProperty(name = "quarkus.rest-client.payment-gateway.url") String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String url = span.getAttribute(UrlAttributes.URL_FULL);
        if (span.getKind() == SpanKind.CLIENT && url != null && url.startsWith(gatewayUrl)) {
            span.setAttribute(SERVER_SERVICE_NAME, PaymentGatewayClient.DEPENDENCY);
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
