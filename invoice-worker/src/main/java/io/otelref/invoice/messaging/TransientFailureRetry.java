package io.otelref.invoice.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.otelref.invoice.config.WorkerConfig;
import io.otelref.invoice.service.UnprocessableEventException;

/**
 * Retries the processing of one record while its failure may be transient (billing unavailable, its
 * circuit open, Kafka not acknowledging), with jittered exponential backoff, for at most
 * {@code worker.transient-failure.max-duration}.
 *
 * <p>Dead-lettering at the first such failure would park every good order during a billing outage;
 * retrying forever would hide an outage that never ends. Holding the record keeps its offset
 * uncommitted, so a restart in the meantime loses nothing. A failure that is not known to be permanent
 * counts as transient: a good order is never dead-lettered sooner than the deadline.
 */
@ApplicationScoped
public class TransientFailureRetry {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetry.class);

    /** One processing attempt of a record. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws InterruptedException;
    }

    private final WorkerConfig.TransientFailure policy;

    TransientFailureRetry(WorkerConfig config) {
        this.policy = config.transientFailure();
    }

    /**
     * @throws UnprocessableEventException at once when an attempt throws it, or with
     *                                     {@link UnprocessableEventException#RETRIES_EXHAUSTED} at the deadline
     */
    public void untilDone(Attempt attempt) throws InterruptedException {
        long deadline = System.nanoTime() + policy.maxDuration().toNanos();
        Duration backoff = policy.initialBackoff();
        for (int attempts = 1;; attempts++) {
            try {
                attempt.run();
                return;
            } catch (UnprocessableEventException permanent) {
                throw permanent;
            } catch (RuntimeException transientFailure) {
                Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
                if (!remaining.isPositive()) {
                    throw new UnprocessableEventException(UnprocessableEventException.RETRIES_EXHAUSTED,
                            "still failing after " + policy.maxDuration() + " and " + attempts + " attempts; last failure: "
                                    + transientFailure.getMessage(),
                            transientFailure);
                }
                Duration pause = shorterOf(jittered(backoff), remaining);
                LOG.warnf("attempt %d failed, retrying in %d ms: %s", attempts, pause.toMillis(), transientFailure.getMessage());
                Thread.sleep(pause);
                backoff = shorterOf(backoff.multipliedBy(2), policy.maxBackoff());
            }
        }
    }

    private static Duration shorterOf(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    /** Between half and all of {@code backoff}, so that records held by one outage do not all retry at once. */
    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
