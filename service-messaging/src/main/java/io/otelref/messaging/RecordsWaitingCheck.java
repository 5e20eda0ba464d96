package io.otelref.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The records waiting out an unavailable dependency, as a readiness check. While a dependency is briefly
 * away it stays UP, with the count in its data; a record still waiting after
 * {@code platform.messaging.stuck-after} turns it DOWN, because by then the outage needs a person.
 * Liveness is never affected: a restart would not bring the dependency back.
 */
@Readiness
@ApplicationScoped
public class RecordsWaitingCheck implements HealthCheck {

    private final RecordsWaiting waiting;
    private final Duration stuckAfter;

    RecordsWaitingCheck(RecordsWaiting waiting, MessagingConfig config) {
        this.waiting = waiting;
        this.stuckAfter = config.stuckAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Duration longest = waiting.longestWait(Instant.now());
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka records waiting for a dependency")
                .withData("waiting", waiting.count())
                .withData("longestWaitSeconds", longest.toSeconds())
                .withData("stuckAfterSeconds", stuckAfter.toSeconds());
        return longest.compareTo(stuckAfter) < 0 ? response.up().build() : response.down().build();
    }
}
