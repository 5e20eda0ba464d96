package io.otelref.invoice.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The {@code worker.*} settings; application.properties explains each default. */
@ConfigMapping(prefix = "worker")
public interface WorkerConfig {

    TransientFailure transientFailure();

    /** How long to wait for Kafka to acknowledge an InvoiceCreated before treating the send as failed. */
    Duration publishTimeout();

    /** Start-up value of {@link WorkerBehaviour#processingDelay()}. */
    Duration processingDelay();

    /** Start-up value of {@link WorkerBehaviour#concurrency()}. */
    int processingConcurrency();

    /** How long a record is retried in place while a dependency is unavailable. */
    interface TransientFailure {

        /** After this, the record is dead-lettered: a later replay from the dead-letter topic can still invoice it. */
        Duration maxDuration();

        Duration initialBackoff();

        Duration maxBackoff();
    }
}
