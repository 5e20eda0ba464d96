package io.otelref.loadgen.run;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * When each request is meant to leave, independent of how earlier ones fared (the open model).
 *
 * <p>The arrival rate rises linearly from 0 to {@code rate} over the ramp-up, then stays there. The number of
 * arrivals by time t is then {@code rate·t²/(2·ramp)} during the ramp and grows by {@code rate} per second
 * after it; inverting that gives the n-th arrival's offset without accumulating rounding drift.
 */
public final class ArrivalSchedule {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final double rampSeconds;
    private final double endSeconds;

    public ArrivalSchedule(double rate, Duration rampUp, Duration steady) {
        this.rate = rate;
        this.rampSeconds = rampUp.toNanos() / NANOS_PER_SECOND;
        this.endSeconds = rampSeconds + steady.toNanos() / NANOS_PER_SECOND;
    }

    /** @return the n-th (from 0) arrival's offset from the start, or empty once the run is over */
    public OptionalLong offsetNanos(long n) {
        double arrivalsDuringRamp = rate * rampSeconds / 2;
        double seconds = n < arrivalsDuringRamp
                ? Math.sqrt(2 * n * rampSeconds / rate)
                : rampSeconds + (n - arrivalsDuringRamp) / rate;
        return seconds < endSeconds ? OptionalLong.of((long) (seconds * NANOS_PER_SECOND)) : OptionalLong.empty();
    }

    /** The target arrival rate at {@code seconds} into the run. */
    public double rateAt(double seconds) {
        if (seconds >= endSeconds) {
            return 0;
        }
        return seconds < rampSeconds ? rate * seconds / rampSeconds : rate;
    }
}
