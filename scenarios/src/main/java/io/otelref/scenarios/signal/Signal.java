package io.otelref.scenarios.signal;

import io.otelref.scenarios.run.PhaseRecord;

/**
 * One number a scenario's telemetry shows, e.g. "billing authorizations per checkout". Measured on every phase
 * of a run (the fault, the fix, the baseline), so phases compare side by side and tests assert their ratio.
 *
 * @param unit how the value reads: {@code ms}, {@code share}, {@code per checkout}, {@code count}
 */
public record Signal(String name, String unit, Measure measure) {

    @FunctionalInterface
    public interface Measure {

        /** @return the value, or NaN when the phase has nothing to measure it on */
        double of(PhaseRecord phase, Telemetry telemetry);
    }

    public double of(PhaseRecord phase, Telemetry telemetry) {
        return measure.of(phase, telemetry);
    }
}
