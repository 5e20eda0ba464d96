package io.otelref.invoice.telemetry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * {@code app.invoice.processing}: from the moment a record reaches the worker until it is acknowledged
 * or dead-lettered, including billing retries and any wait for a dependency to come back. Queueing in
 * Kafka before that is the consumer lag, exported by the Kafka client metrics.
 */
@Startup
@ApplicationScoped
public class InvoiceProcessingMetrics {

    static final String PROCESSING_TIMER = "app.invoice.processing";

    /** How the processing of one record ended; the {@code outcome} tag. */
    public enum Outcome {
        INVOICED,
        DEAD_LETTERED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    InvoiceProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered at startup, so that a dashboard shows a zero rate of dead letters rather than no data.
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, Timer.builder(PROCESSING_TIMER)
                    .description("Time from receiving an orders.placed record until it is invoiced or dead-lettered")
                    .tag("outcome", outcome.tag())
                    .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
                            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5))
                    .register(registry));
        }
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void stop(Timer.Sample sample, Outcome outcome) {
        sample.stop(timers.get(outcome));
    }
}
