package io.otelref.scenarios.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.otelref.scenarios.catalogue.Treatment;
import io.otelref.scenarios.signal.Signal;
import io.otelref.scenarios.signal.Telemetry;

/** One phase as measured: what was switched, what the load and telemetry recorded, and each signal's value. */
public record PhaseResult(Treatment treatment, PhaseRecord record, Map<Signal, Double> signals) {

    public static PhaseResult measure(Treatment treatment, PhaseRecord record, List<Signal> signals, Telemetry telemetry) {
        Map<Signal, Double> values = new LinkedHashMap<>();
        signals.forEach(signal -> values.put(signal, signal.of(record, telemetry)));
        return new PhaseResult(treatment, record, values);
    }

    public double value(Signal signal) {
        Double value = signals.get(signal);
        if (value == null) {
            throw new IllegalArgumentException("signal '" + signal.name() + "' was not measured in phase " + record.label());
        }
        return value;
    }

    /** By name, for tests that compare phases of different scenarios. */
    public double value(String signalName) {
        return signals.entrySet().stream().filter(entry -> entry.getKey().name().equals(signalName))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no signal '" + signalName + "' in phase " + record.label()));
    }
}
