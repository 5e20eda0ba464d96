package io.otelref.checkout.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.telemetry.OutboxTraceContext;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends one outbox row to Kafka and waits until the broker has acknowledged it. */
@ApplicationScoped
public class OrderEventPublisher {

    private final MutinyEmitter<String> ordersPlaced;

    OrderEventPublisher(@Channel("orders-placed") MutinyEmitter<String> ordersPlaced) {
        this.ordersPlaced = ordersPlaced;
    }

    /** @throws PublishFailedException when Kafka refused the record or did not acknowledge it in time */
    public void publish(OutboxEvent event, Duration timeout) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(event.topic)
                        .withKey(event.eventKey)
                        .build())
                // The PRODUCER span takes this as its parent: the request that stored the row.
                .addMetadata(TracingMetadata.withCurrent(OutboxTraceContext.restore(event.traceparent, event.tracestate)));
        try {
            ordersPlaced.sendMessage(message).await().atMost(timeout);
        } catch (RuntimeException notAcknowledged) {
            throw new PublishFailedException(event, notAcknowledged);
        }
    }

    /** The event stays in the outbox and is offered again on a later poll. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(OutboxEvent event, Throwable cause) {
            super("outbox event " + event.id + " to " + event.topic + " was not acknowledged: " + cause, cause);
        }
    }
}
