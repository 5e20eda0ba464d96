package io.otelref.checkout.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The checkout path's own metrics. The histograms use fixed SLO buckets so that p95/p99 can be
 * computed in Prometheus across replicas, and each bucket keeps a trace id as its exemplar.
 */
@ApplicationScoped
public class CheckoutMetrics {

    /** How a checkout ended; the {@code outcome} tag of {@code app.checkout.duration}. */
    public enum Outcome {
        PLACED, REPLAYED, DECLINED, REJECTED, UNAVAILABLE, FAILED;

        String tag() {
            return name().toLowerCase();
        }
    }

    private static final Duration[] CHECKOUT_SLO = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    private static final Duration[] ORDER_TO_INVOICE_SLO = {
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofMinutes(5) };

    private final MeterRegistry registry;
    private final Timer orderToInvoice;
    private final AtomicLong outboxBacklog = new AtomicLong();

    CheckoutMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.orderToInvoice = Timer.builder("app.order.to_invoice")
                .description("Time from an order being stored to checkout learning its invoice exists")
                .serviceLevelObjectives(ORDER_TO_INVOICE_SLO)
                .register(registry);
        Gauge.builder("app.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Events stored in the outbox and not yet acknowledged by Kafka")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            checkoutTimer(outcome);
        }
    }

    public Timer.Sample startCheckout() {
        return Timer.start(registry);
    }

    public void endCheckout(Timer.Sample sample, Outcome outcome) {
        sample.stop(checkoutTimer(outcome));
    }

    public void orderInvoiced(Duration sinceOrderPlaced) {
        orderToInvoice.record(sinceOrderPlaced);
    }

    public void outboxBacklog(long pendingEvents) {
        outboxBacklog.set(pendingEvents);
    }

    /** Events not yet acknowledged by Kafka, as of the relay's last pass. */
    public long outboxBacklog() {
        return outboxBacklog.get();
    }

    private Timer checkoutTimer(Outcome outcome) {
        return Timer.builder("app.checkout.duration")
                .description("Duration of POST /api/checkout as seen by checkout-service, by business outcome")
                .tag("outcome", outcome.tag())
                .serviceLevelObjectives(CHECKOUT_SLO)
                .register(registry);
    }
}
