package io.otelref.scenarios.catalogue;

/** Which trace the runner draws as a waterfall for the trainee to start from. */
public enum Exhibit {
    /** The slowest request of the run. */
    SLOWEST,
    /** A request that failed, when one did; else the slowest. */
    FAILED,
    /** A trace the scenario injected itself (a poison record), when one was recorded. */
    INJECTED
}
