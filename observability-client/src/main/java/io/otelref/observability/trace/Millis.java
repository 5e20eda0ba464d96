package io.otelref.observability.trace;

import java.time.Duration;
import java.util.Locale;

/** Milliseconds with microsecond digits, the unit every waterfall column and message uses. */
public final class Millis {

    private Millis() {
    }

    public static double of(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    /** {@code 12.345}: three decimals, because Jaeger keeps microseconds. */
    public static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", of(duration));
    }
}
