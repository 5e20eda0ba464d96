package io.otelref.loadgen.telemetry;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.ServiceAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.otelref.loadgen.run.Outcome;
import io.otelref.telemetry.attributes.AppAttributes;

/**
 * Every order is its own trace: a root span {@code load_generator.place_order} that starts at the order's
 * <em>intended</em> send time (so its duration is the latency the reports count, queueing included) and one
 * CLIENT span per attempt, whose context goes out as the {@code traceparent} header.
 *
 * <p>Spans are exported over OTLP/HTTP only when an endpoint is given; without one the SDK still mints the
 * trace and span ids, so the trace ids in the reports always match what the services recorded.
 */
public final class CheckoutTracing implements AutoCloseable {

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final URI checkoutUri;
    private final long epochNanosAtStart;
    private final long startNanos;

    /**
     * @param sampleRatio share of orders whose trace is recorded. The decision is made here, at the root, and
     *                    travels in the {@code traceparent} flags: services that sample parent-based record
     *                    exactly the same orders, and an unsampled failure leaves no trace anywhere.
     */
    public CheckoutTracing(Optional<URI> otlpEndpoint, URI checkoutUri, long startNanos, double sampleRatio) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(ServiceAttributes.SERVICE_NAME, "load-generator"))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampleRatio)));
        otlpEndpoint.ifPresent(endpoint -> builder.addSpanProcessor(BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(endpoint.resolve("/v1/traces").toString()).build())
                .build()));
        this.provider = builder.build();
        this.tracer = provider.get("io.otelref.loadgen");
        this.checkoutUri = checkoutUri;
        // Read the wall clock and the monotonic clock together, after the slow SDK set-up above: the run started
        // (startNanos) before this constructor, and a root span must not begin after its first attempt.
        this.epochNanosAtStart = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - (System.nanoTime() - startNanos);
        this.startNanos = startNanos;
    }

    public Span startOrder(long intendedNanos) {
        return tracer.spanBuilder("load_generator.place_order")
                .setNoParent()
                .setStartTimestamp(epochNanosAtStart + (intendedNanos - startNanos), TimeUnit.NANOSECONDS)
                .setAttribute(AppAttributes.SYNTHETIC, true)
                .startSpan();
    }

    /** Semantic conventions' HTTP client span; a resend carries {@code http.request.resend_count}. */
    public Span startAttempt(Span order, int resendCount) {
        var attempt = tracer.spanBuilder("POST")
                .setParent(Context.root().with(order))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(AppAttributes.SYNTHETIC, true)
                .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "POST")
                .setAttribute(UrlAttributes.URL_FULL, checkoutUri.toString())
                .setAttribute(ServerAttributes.SERVER_ADDRESS, checkoutUri.getHost())
                .setAttribute(ServerAttributes.SERVER_PORT, (long) checkoutUri.getPort());
        if (resendCount > 0) {
            attempt.setAttribute(HttpAttributes.HTTP_REQUEST_RESEND_COUNT, (long) resendCount);
        }
        return attempt.startSpan();
    }

    public static String traceparent(Span attempt) {
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(attempt), headers, Map::put);
        return headers.get("traceparent");
    }

    /** Per HTTP client conventions any 4xx or 5xx is an error on the CLIENT span; 402 is too, on this span. */
    public static void end(Span span, Outcome outcome, int status) {
        if (status != 0) {
            span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        }
        if (status >= 400 || outcome.isError()) {
            span.setAttribute(ErrorAttributes.ERROR_TYPE, status != 0 ? String.valueOf(status) : outcome.label());
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** Business view on the root span: a declined payment is an answer, not an error. */
    public static void endOrder(Span order, Outcome outcome) {
        if (outcome.isError()) {
            order.setAttribute(ErrorAttributes.ERROR_TYPE, outcome.label());
            order.setStatus(StatusCode.ERROR);
        }
        order.end();
    }

    /** Exports what is still buffered. */
    @Override
    public void close() {
        provider.close();
    }
}
