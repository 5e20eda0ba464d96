package io.otelref.invoice.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The {@code worker.*} settings; application.properties explains each default. */
@ConfigMapping(prefix = "worker")
public interface WorkerConfig {

    /** How long to wait for Kafka to acknowledge an InvoiceCreated before treating the send as failed. */
    Duration publishTimeout();

    /** Start-up value of {@link WorkerBehaviour#processingDelay()}. */
    Duration processingDelay();

    /** Start-up value of {@link WorkerBehaviour#concurrency()}. */
    int processingConcurrency();
}
