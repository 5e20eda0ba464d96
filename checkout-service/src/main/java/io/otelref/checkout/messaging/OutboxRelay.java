package io.otelref.checkout.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.otelref.checkout.config.CheckoutConfig;
import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.repository.OutboxRepository;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes outbox rows to Kafka in the order they were written, at least once. While Kafka is down
 * the rows simply wait (and {@code app.outbox.backlog} grows); checkout keeps accepting orders.
 * Each database step is its own short transaction: no lock is held while waiting for Kafka.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 512;

    private final OutboxRepository outbox;
    private final OrderEventPublisher publisher;
    private final CheckoutConfig config;
    private final CheckoutMetrics metrics;

    OutboxRelay(OutboxRepository outbox, OrderEventPublisher publisher, CheckoutConfig config, CheckoutMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${checkout.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishPending() {
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
