package io.otelref.checkout.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.opentelemetry.context.Scope;
import io.otelref.checkout.config.CheckoutConfig;
import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.repository.OutboxRepository;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.platform.lifecycle.GracefulShutdown;
import io.otelref.platform.resilience.Failures;
import io.otelref.platform.telemetry.Untraced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in the order they were written, at least once. While Kafka is down
 * the rows simply wait (and {@code app.outbox.backlog} grows); checkout keeps accepting orders.
 * Each database step is its own short transaction: no lock is held while waiting for Kafka.
 *
 * <p>A committed order nudges the relay at once, so the Kafka hop costs milliseconds; the poll every
 * {@code checkout.outbox.poll-interval} is the safety net for events whose first send failed. While the
 * database is away a pass fails and the next one tries again; once the service is shutting down no pass
 * starts, and the one running finishes before the database pool closes ({@link GracefulShutdown}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 512;

    private final OutboxRepository outbox;
    private final OrderEventPublisher publisher;
    private final CheckoutConfig config;
    private final CheckoutMetrics metrics;

    private final ReentrantLock relaying = new ReentrantLock();
    private final AtomicBoolean lookAgain = new AtomicBoolean();

    private final GracefulShutdown shutdown;

    OutboxRelay(OutboxRepository outbox, OrderEventPublisher publisher, CheckoutConfig config, CheckoutMetrics metrics,
            GracefulShutdown shutdown) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.shutdown = shutdown;
    }

    void onEventStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEventStored stored) {
        Thread.ofVirtual().name("outbox-nudge").start(this::publishPending);
    }

    @Scheduled(every = "${checkout.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
        // One relay pass at a time; a nudge arriving meanwhile makes the running pass look again.
        if (!relaying.tryLock()) {
            lookAgain.set(true);
            return;
        }
        Optional<GracefulShutdown.Work> pass = shutdown.begin();
        // The relay's own bookkeeping queries would make a one-span trace every second. Each published
        // event still gets its PRODUCER span, because its parent is the stored request context, not this one.
        try (Scope untraced = Untraced.begin()) {
            if (pass.isEmpty()) {
                return;
            }
            do {
                lookAgain.set(false);
                publishOneBatch();
            } while (lookAgain.get() && !shutdown.stopping());
        } catch (RuntimeException failure) {
            Failures.Judgement judgement = Failures.judge(failure, shutdown.stopping());
            if (!judgement.isUnavailable()) {
                throw failure;
            }
            LOG.warnf("Outbox relay pass stopped, %s is unavailable; the events stay queued for the next pass: %s",
                    judgement.dependency(), failure);
        } finally {
            pass.ifPresent(GracefulShutdown.Work::close);
            relaying.unlock();
        }
    }

    private void publishOneBatch() {
        Instant now = Instant.now();
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(() -> outbox.leaseOldestPending(
                config.outbox().batchSize(), now, now.plus(config.outbox().lease())));
        for (int next = 0; next < batch.size(); next++) {
            OutboxEvent event = batch.get(next);
            try {
                publisher.publish(event, config.outbox().sendTimeout());
                QuarkusTransaction.requiringNew().run(() -> outbox.markPublished(event.id, Instant.now()));
            } catch (OrderEventPublisher.PublishFailedException failure) {
                LOG.warnf("Kafka did not take outbox event %d; it stays queued: %s", event.id, failure.getMessage());
                // Stop here so that events keep their order, and free the rest at once for the next poll.
                List<Long> notTried = batch.subList(next + 1, batch.size()).stream().map(later -> later.id).toList();
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.recordFailure(event.id, truncate(failure.getMessage()));
                    outbox.releaseLeases(notTried);
                });
                break;
            }
        }
        metrics.outboxBacklog(QuarkusTransaction.requiringNew().call(outbox::countPending));
    }

    private static String truncate(String reason) {
        return reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
    }
}
