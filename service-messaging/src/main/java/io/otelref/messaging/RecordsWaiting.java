package io.otelref.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The records that {@link RecordProcessing} holds while a dependency they need is unavailable, and since when. */
@ApplicationScoped
public class RecordsWaiting {

    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();

    void started(String record, Instant firstFailure) {
        waitingSince.putIfAbsent(record, firstFailure);
    }

    void ended(String record) {
        waitingSince.remove(record);
    }

    public int count() {
        return waitingSince.size();
    }

    /** How long the record that has waited longest has waited; zero when none waits. */
    public Duration longestWait(Instant now) {
        return waitingSince.values().stream().map(since -> Duration.between(since, now))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
