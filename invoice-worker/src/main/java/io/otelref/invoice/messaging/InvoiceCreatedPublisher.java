package io.otelref.invoice.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.context.Context;
import io.otelref.invoice.config.WorkerConfig;
import io.otelref.messaging.MessagingMetrics;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.Failures;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends InvoiceCreated to {@code invoices.created}, keyed by order id, and waits until Kafka has acknowledged it. */
@ApplicationScoped
public class InvoiceCreatedPublisher {

    private final MutinyEmitter<InvoiceCreated> invoicesCreated;
    private final Duration timeout;
    private final MessagingMetrics metrics;
    private final String topic;

    InvoiceCreatedPublisher(@Channel("invoices-created") MutinyEmitter<InvoiceCreated> invoicesCreated, WorkerConfig config,
            MessagingMetrics metrics, @ConfigProperty(name = "mp.messaging.outgoing.invoices-created.topic") String topic) {
        this.invoicesCreated = invoicesCreated;
        this.timeout = config.publishTimeout();
        this.metrics = metrics;
        this.topic = topic;
    }

    /** @throws PublishFailedException when Kafka refused the record or did not acknowledge it in time */
    public void publish(InvoiceCreated event) {
        Message<InvoiceCreated> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(event.orderId()).build())
                // The emitter hands the message to another thread; this names the PRODUCER span's parent.
                .addMetadata(TracingMetadata.withCurrent(Context.current()));
        long handedOver = System.nanoTime();
        try {
            invoicesCreated.sendMessage(message).await().atMost(timeout);
            metrics.sent(topic, System.nanoTime() - handedOver, Optional.empty());
        } catch (RuntimeException notAcknowledged) {
            metrics.sent(topic, System.nanoTime() - handedOver, Optional.of(notAcknowledged));
            throw new PublishFailedException(event, notAcknowledged);
        }
    }

    /** Kafka did not take the event; the incoming record is retried, so the invoice is announced later. */
    public static class PublishFailedException extends DependencyUnavailableException {
        PublishFailedException(InvoiceCreated event, Throwable cause) {
            super(Failures.MESSAGE_BROKER,
                    "InvoiceCreated for order " + event.orderId() + " was not acknowledged by Kafka: " + cause, cause);
        }
    }
}
