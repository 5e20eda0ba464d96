package io.otelref.checkout.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.context.Context;
import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.telemetry.OutboxTraceContext;
import io.otelref.messaging.MessagingMetrics;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.Failures;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends one outbox row to Kafka and waits until the broker has acknowledged it. */
@ApplicationScoped
public class OrderEventPublisher {

    private final MutinyEmitter<String> ordersPlaced;
    private final OutboxTraceContext traceContext;
    private final MessagingMetrics metrics;

    OrderEventPublisher(@Channel("orders-placed") MutinyEmitter<String> ordersPlaced, OutboxTraceContext traceContext,
            MessagingMetrics metrics) {
        this.ordersPlaced = ordersPlaced;
        this.traceContext = traceContext;
        this.metrics = metrics;
    }

    /** @throws PublishFailedException when Kafka refused the record or did not acknowledge it in time */
    public void publish(OutboxEvent event, Duration timeout) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(event.topic)
                        .withKey(event.eventKey)
                        .build())
                .addMetadata(TracingMetadata.withCurrent(producerParent(event)));
        long handedOver = System.nanoTime();
        try {
            ordersPlaced.sendMessage(message).await().atMost(timeout);
            metrics.sent(event.topic, System.nanoTime() - handedOver, Optional.empty());
        } catch (RuntimeException notAcknowledged) {
            metrics.sent(event.topic, System.nanoTime() - handedOver, Optional.of(notAcknowledged));
            throw new PublishFailedException(event, notAcknowledged);
        }
    }

    /** The request that stored the row, so the trace goes on where it left off. */
    private Context producerParent(OutboxEvent event) {
        return traceContext.restore(event.traceparent, event.tracestate);
    }

    /** The event stays in the outbox and is offered again on a later poll. */
    public static class PublishFailedException extends DependencyUnavailableException {
        PublishFailedException(OutboxEvent event, Throwable cause) {
            super(Failures.MESSAGE_BROKER, "outbox event " + event.id + " to " + event.topic + " was not acknowledged: " + cause,
                    cause);
        }
    }
}
