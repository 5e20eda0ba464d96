package io.otelref.observability.prometheus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One series of an instant vector: its labels (including {@code __name__} when kept) and value. */
public record Sample(Map<String, String> labels, double value, Instant timestamp) {

    public Sample {
        labels = Map.copyOf(labels);
    }

    public Optional<String> label(String name) {
        return Optional.ofNullable(labels.get(name));
    }
}
