package io.otelref.scenarios.run;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How long and how hard to drive a scenario.
 *
 * @param withFix run the fault, then the same load with the fix on top, and compare
 * @param rate    arrivals per second of each phase; empty: the scenario's own rate
 * @param warmUp  healthy load first, unmeasured: a JVM that just started is slow enough to fail a checkout
 *                on its own, which would blur any scenario
 */
public record RunPlan(boolean withFix, OptionalDouble rate, Duration duration, boolean warmUp) {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(20);
}
