package io.otelref.checkout.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelref.checkout.config.CheckoutConfig;
import io.otelref.checkout.repository.PaymentHoldRepository;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.platform.lifecycle.GracefulShutdown;
import io.otelref.platform.resilience.Failures;
import io.otelref.platform.telemetry.Untraced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Gives back the money of checkouts that failed after billing may have authorized their payment: every
 * {@code checkout.payment.orphan-check-interval} it claims the {@link PaymentHolds} older than
 * {@code checkout.payment.orphan-after} (longer than any checkout request can take, so none of them is
 * still being worked on) and has billing void each one. Each void is a trace of its own, counted in
 * {@code app.payment.orphans} by outcome. A void that fails is tried again, one {@code orphan-after} later.
 */
@ApplicationScoped
public class OrphanedPayments {

    public static final String METRIC = "app.payment.orphans";

    private static final Logger LOG = Logger.getLogger(OrphanedPayments.class);
    private static final int BATCH = 20;

    private final PaymentHoldRepository holds;
    private final PaymentVoids voids;
    private final CheckoutConfig config;
    private final GracefulShutdown shutdown;
    private final LongCounter orphansVoided;
    private final ReentrantLock checking = new ReentrantLock();

    OrphanedPayments(PaymentHoldRepository holds, PaymentVoids voids, CheckoutConfig config, GracefulShutdown shutdown,
            OpenTelemetry openTelemetry) {
        this.holds = holds;
        this.voids = voids;
        this.config = config;
        this.shutdown = shutdown;
        this.orphansVoided = openTelemetry.getMeter("io.otelref.checkout").counterBuilder(METRIC)
                .setUnit("{payment}")
                .setDescription("Payment holds of checkouts that never stored their order, by what became of them")
                .build();
        // Every outcome at zero from the start: a rate() reads 0 rather than no data.
        for (PaymentVoids.Outcome outcome : PaymentVoids.Outcome.values()) {
            orphansVoided.add(0, attributesOf(outcome));
        }
    }

    @Scheduled(every = "${checkout.payment.orphan-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void voidOrphans() {
        Optional<GracefulShutdown.Work> check = shutdown.begin();
        if (check.isEmpty() || !checking.tryLock()) {
            check.ifPresent(GracefulShutdown.Work::close);
            return;
        }
        try (GracefulShutdown.Work running = check.get()) {
            List<PaymentHoldRepository.Claimed> orphans;
            try (Scope untraced = Untraced.begin()) {
                Instant now = Instant.now();
                orphans = QuarkusTransaction.requiringNew()
                        .call(() -> holds.claimOrphans(now.minus(config.payment().orphanAfter()), now, BATCH));
            }
            for (PaymentHoldRepository.Claimed orphan : orphans) {
                if (shutdown.stopping()) {
                    break;
                }
                // A trace of its own: nothing upstream is waiting for this.
                try (Scope root = Context.root().makeCurrent()) {
                    orphansVoided.add(1, attributesOf(voids.voidPayment(orphan.orderId(), orphan.accountId())));
                }
            }
        } catch (RuntimeException failure) {
            Failures.Judgement judgement = Failures.judge(failure, shutdown.stopping());
            if (!judgement.isUnavailable()) {
                throw failure;
            }
            LOG.warnf("Orphaned payments not checked, %s is unavailable; the next check tries again: %s",
                    judgement.dependency(), failure);
        } finally {
            checking.unlock();
        }
    }

    private static Attributes attributesOf(PaymentVoids.Outcome outcome) {
        return Attributes.of(CheckoutMetrics.OUTCOME, outcome.tag());
    }
}
