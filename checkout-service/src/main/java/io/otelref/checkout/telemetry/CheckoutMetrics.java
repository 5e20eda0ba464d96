package io.otelref.checkout.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;

/**
 * The checkout path's own metrics. The histograms have fixed buckets, so that p95/p99 can be computed in
 * Prometheus across replicas, and each bucket keeps the trace id of a recent measurement as its exemplar.
 */
@ApplicationScoped
public class CheckoutMetrics {

    public static final String CHECKOUT_DURATION = "app.checkout.duration";
    public static final String ORDER_INVOICING_DURATION = "app.order.invoicing.duration";
    public static final String OUTBOX_BACKLOG = "app.outbox.backlog";
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");

    /** How a checkout ended; the {@code outcome} attribute of {@value #CHECKOUT_DURATION}. */
    public enum Outcome {
        PLACED, REPLAYED, DECLINED, REJECTED, UNAVAILABLE, FAILED;

        private final Attributes attributes = Attributes.of(OUTCOME, name().toLowerCase());
    }

    private static final List<Double> CHECKOUT_BUCKETS = List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    private static final List<Double> ORDER_INVOICING_BUCKETS = List.of(0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0);

    private final DoubleHistogram checkoutDuration;
    private final DoubleHistogram orderInvoicing;
    private final AtomicLong outboxBacklog = new AtomicLong();

    CheckoutMetrics(OpenTelemetry openTelemetry) {
        Meter meter = openTelemetry.getMeter("io.otelref.checkout");
        checkoutDuration = meter.histogramBuilder(CHECKOUT_DURATION).setUnit("s")
                .setDescription("Duration of POST /api/checkout as seen by checkout-service, by business outcome")
                .setExplicitBucketBoundariesAdvice(CHECKOUT_BUCKETS).build();
        orderInvoicing = meter.histogramBuilder(ORDER_INVOICING_DURATION).setUnit("s")
                .setDescription("Time from an order being stored to checkout learning its invoice exists")
                .setExplicitBucketBoundariesAdvice(ORDER_INVOICING_BUCKETS).build();
        meter.upDownCounterBuilder(OUTBOX_BACKLOG).setUnit("{event}")
                .setDescription("Events stored in the outbox and not yet acknowledged by Kafka")
                .buildWithCallback(measurement -> measurement.record(outboxBacklog.get()));
    }

    /** A {@link System#nanoTime()} reading to hand to {@link #endCheckout}. */
    public long startCheckout() {
        return System.nanoTime();
    }

    public void endCheckout(long startedNanos, Outcome outcome) {
        checkoutDuration.record((System.nanoTime() - startedNanos) / 1e9, outcome.attributes);
    }

    public void orderInvoiced(Duration sinceOrderPlaced) {
        orderInvoicing.record(sinceOrderPlaced.toNanos() / 1e9);
    }

    public void outboxBacklog(long pendingEvents) {
        outboxBacklog.set(pendingEvents);
    }

    /** Events not yet acknowledged by Kafka, as of the relay's last pass. */
    public long outboxBacklog() {
        return outboxBacklog.get();
    }
}
