package io.otelref.scenarios.catalogue;

import java.util.List;
import java.util.stream.Stream;

import io.otelref.scenarios.stack.AdminChange;

/**
 * What is switched for one side of a scenario: the fault, or the fix applied on top of it.
 *
 * @param description one line a trainee reads before the load starts
 * @param changes     admin API changes, applied in order
 * @param loadFlags   load-generator flags added to the scenario's load (a later flag overrides an earlier one)
 * @param tailSampling whether the collector in front of Jaeger samples at the tail instead of keeping every trace
 */
public record Treatment(String description, List<AdminChange> changes, List<String> loadFlags, boolean tailSampling) {

    public Treatment {
        changes = List.copyOf(changes);
        loadFlags = List.copyOf(loadFlags);
    }

    public static Treatment of(String description, AdminChange... changes) {
        return new Treatment(description, List.of(changes), List.of(), false);
    }

    public Treatment withLoadFlags(String... flags) {
        return new Treatment(description, changes, List.of(flags), tailSampling);
    }

    /** The collector keeps every failed or slow trace and a tenth of the rest (deploy/otel-collector/tail-sampling.yaml). */
    public Treatment withTailSampling() {
        return new Treatment(description, changes, loadFlags, true);
    }

    /** The fix is applied on top of the fault: both sides run the same load against the same fault. */
    public Treatment then(Treatment fix) {
        return new Treatment(fix.description, concat(changes, fix.changes), concat(loadFlags, fix.loadFlags),
                tailSampling || fix.tailSampling);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
