package io.otelref.observability.prometheus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One exemplar: a single observation of a series, tagged with the trace that made it.
 *
 * @param seriesLabels the labels of the series (bucket) the observation fell into
 * @param labels       the exemplar's own labels, where the trace id lives
 */
public record Exemplar(Map<String, String> seriesLabels, Map<String, String> labels, double value, Instant timestamp) {

    public Exemplar {
        seriesLabels = Map.copyOf(seriesLabels);
        labels = Map.copyOf(labels);
    }

    /**
     * The trace id, under the OpenMetrics/Micrometer label {@code trace_id} or the {@code traceId}
     * some other exporters use.
     */
    public Optional<String> traceId() {
        return Optional.ofNullable(labels.get("trace_id")).or(() -> Optional.ofNullable(labels.get("traceId")));
    }
}
