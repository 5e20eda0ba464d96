package io.otelref.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelref.platform.lifecycle.GracefulShutdown;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.platform.resilience.Failures;
import io.otelref.platform.resilience.UnprocessableRecordException;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Processes one Kafka record at least once, which is all a consumer of this system has to call. The
 * record is acknowledged once the handler returns. A failure is judged by {@link Failures}: a record at
 * fault is dead-lettered at once (counted in {@code app.dead_letters}, with its reason); an unavailable
 * dependency, or a defect a fixed release will mend, is waited out in place with backoff, however long
 * it takes, so a database or broker outage never parks good records. Once the service is shutting down,
 * the record is left unacknowledged instead: its offset is not committed, and it is delivered again
 * after the restart.
 *
 * <p>The connector's CONSUMER span, which continues the producer's trace from the record's
 * {@code traceparent}, is made current for the handler, so every span and log line of the processing
 * joins that trace.
 */
@ApplicationScoped
public class RecordProcessing {

    /** Names the reason of a dead letter in a word, beside the connector's {@code dead-letter-reason} sentence. */
    public static final String ERROR_TYPE_HEADER = "dead-letter-error-type";

    private static final Logger LOG = Logger.getLogger(RecordProcessing.class);

    /** What one record's processing does with a payload; throws for anything that went wrong. */
    @FunctionalInterface
    public interface Handler {
        void process(String payload) throws InterruptedException;
    }

    public enum Outcome {
        PROCESSED,
        DEAD_LETTERED,
        /** Shutdown came first: not acknowledged, so it is delivered again. */
        LEFT_FOR_REDELIVERY
    }

    /** @param acknowledgement what the {@code @Incoming} method returns to the connector */
    public record Result(Outcome outcome, CompletionStage<Void> acknowledgement) {
    }

    private final GracefulShutdown shutdown;
    private final RecordsWaiting waiting;
    private final MessagingMetrics metrics;
    private final MessagingConfig.Retry retry;

    RecordProcessing(GracefulShutdown shutdown, RecordsWaiting waiting, MessagingMetrics metrics, MessagingConfig config) {
        this.shutdown = shutdown;
        this.waiting = waiting;
        this.metrics = metrics;
        this.retry = config.retry();
    }

    /** Blocks until the record is processed, dead-lettered or left; call it from a virtual thread. */
    public Result process(Message<String> record, Handler handler) {
        String name = describe(record);
        Optional<GracefulShutdown.Work> work = shutdown.begin();
        if (work.isEmpty()) {
            return leftForRedelivery(name);
        }
        Context consumed = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(Context.current());
        String topic = topicOf(record);
        String partition = partitionOf(record);
        metrics.consumed(topic, partition);
        long started = System.nanoTime();
        try (GracefulShutdown.Work registered = work.get(); Scope ignored = consumed.makeCurrent()) {
            Duration backoff = retry.initialBackoff();
            for (int attempt = 1;; attempt++) {
                try {
                    handler.process(record.getPayload());
                    metrics.processed(topic, partition, System.nanoTime() - started, Optional.empty());
                    return new Result(Outcome.PROCESSED, record.ack());
                } catch (RuntimeException failure) {
                    Failures.Judgement judgement = Failures.judge(failure, shutdown.stopping());
                    if (judgement.isRejected()) {
                        String errorType = errorTypeOf(failure);
                        metrics.processed(topic, partition, System.nanoTime() - started, Optional.of(errorType));
                        return deadLetter(record, name, topic, errorType, failure);
                    }
                    waiting.started(name, Instant.now());
                    Duration pause = jittered(backoff);
                    LOG.warnf("%s: attempt %d failed (%s), retrying in %d ms: %s", name, attempt,
                            judgement.isUnavailable() ? judgement.dependency() + " is unavailable" : "unexpected failure",
                            pause.toMillis(), failure);
                    if (!shutdown.pause(pause)) {
                        return leftForRedelivery(name);
                    }
                    backoff = shorterOf(backoff.multipliedBy(2), retry.maxBackoff());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return leftForRedelivery(name);
        } finally {
            waiting.ended(name);
        }
    }

    private Result deadLetter(Message<String> record, String name, String topic, String errorType, RuntimeException failure) {
        LOG.warnf("%s: dead-lettered (%s): %s", name, errorType, failure.getMessage());
        metrics.deadLettered(topic, errorType);
        RecordHeaders headers = new RecordHeaders();
        headers.add(ERROR_TYPE_HEADER, errorType.getBytes(StandardCharsets.UTF_8));
        Metadata deadLetter = Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
        return new Result(Outcome.DEAD_LETTERED, record.nack(failure, deadLetter));
    }

    private static Result leftForRedelivery(String name) {
        LOG.infof("%s: left unacknowledged for redelivery, the service is shutting down", name);
        return new Result(Outcome.LEFT_FOR_REDELIVERY, CompletableFuture.completedFuture(null));
    }

    private static String errorTypeOf(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnprocessableRecordException unprocessable) {
                return unprocessable.errorType();
            }
            if (cause instanceof DownstreamRejection rejection) {
                return rejection.typeSlug();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String topicOf(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
    }

    private static String partitionOf(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(kafka -> Integer.toString(kafka.getPartition()))
                .orElse("unknown");
    }

    /** {@code orders.placed[2]@1234}: topic, partition and offset, how a record is found again. */
    private static String describe(Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTopic() + "[" + kafka.getPartition() + "]@" + kafka.getOffset())
                .orElse("record");
    }

    private static Duration shorterOf(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    /** Between half and all of {@code backoff}, so the records held by one outage do not all retry at once. */
    private static Duration jittered(Duration backoff) {
        long millis = backoff.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
