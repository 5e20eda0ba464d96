package io.otelref.checkout.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.otelref.checkout.telemetry.CheckoutMetrics;

/**
 * The outbox in the readiness report. It is always UP: while Kafka is away, checkout keeps taking orders and
 * their events wait in the outbox, which is the point of having one, so taking checkout out of rotation
 * would turn a broker outage into a checkout outage. What it reports is the backlog, the number that grows
 * while the broker is away (as {@code app_outbox_backlog} does in Prometheus).
 */
@Readiness
@ApplicationScoped
public class OutboxCheck implements HealthCheck {

    private final CheckoutMetrics metrics;

    OutboxCheck(CheckoutMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Outbox").up().withData("pendingEvents", metrics.outboxBacklog()).build();
    }
}
