package io.otelref.scenarios.catalogue;

import java.time.Duration;
import java.util.List;

import io.otelref.scenarios.stack.StackEndpoints;

/** Something a scenario does beside the checkout load while it runs, such as publishing poison records. */
@FunctionalInterface
public interface DuringLoad {

    /**
     * Runs for about {@code duration}, on its own thread, while the load runs.
     *
     * @return the trace ids of what it did, so their traces are collected with the load's
     */
    List<String> run(StackEndpoints stack, Duration duration) throws InterruptedException;
}
