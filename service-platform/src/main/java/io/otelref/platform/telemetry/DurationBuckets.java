package io.otelref.platform.telemetry;

import java.util.List;
import java.util.stream.Stream;

/** Histogram boundaries, in seconds, shared by the duration instruments that the semantic conventions define. */
public final class DurationBuckets {

    /** The boundaries the HTTP and messaging conventions advise for their request and operation durations. */
    public static final List<Double> ADVISED = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);

    private DurationBuckets() {
    }

    /** {@link #ADVISED}, and longer ones after them, for a duration that can outlast the advice's 10 s. */
    public static List<Double> advisedAnd(Double... longer) {
        return Stream.concat(ADVISED.stream(), Stream.of(longer)).toList();
    }
}
