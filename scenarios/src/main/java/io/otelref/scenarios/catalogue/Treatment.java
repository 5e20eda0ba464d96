package io.otelref.scenarios.catalogue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.scenarios.stack.AdminChange;

/**
 * What is switched for one side of a scenario: the fault, or the fix applied on top of it.
 *
 * @param description one line a trainee reads before the load starts
 * @param changes     admin API changes, applied in order
 * @param load        what this side changes in the scenario's load (the identity when nothing)
 * @param tailSampling whether the collector in front of Jaeger samples at the tail instead of keeping every trace
 */
public record Treatment(String description, List<AdminChange> changes, UnaryOperator<LoadOptions> load, boolean tailSampling) {

    public Treatment {
        changes = List.copyOf(changes);
    }

    /** Any run: a treatment that leaves it equal leaves every run as it is. */
    private static final LoadOptions ANY_RUN = LoadOptions.openModel(URI.create("http://127.0.0.1:8080"), 8,
            Duration.ofSeconds(20), Optional.empty(), 1);

    public static Treatment of(String description, AdminChange... changes) {
        return new Treatment(description, List.of(changes), UnaryOperator.identity(), false);
    }

    public Treatment withLoad(UnaryOperator<LoadOptions> change) {
        return new Treatment(description, changes, change, tailSampling);
    }

    /** Whether this side switches nothing and leaves the load as it is: the stack as configured (the baseline). */
    public boolean switchesNothing() {
        return changes.isEmpty() && !tailSampling && load.apply(ANY_RUN).equals(ANY_RUN);
    }

    /** The collector keeps every failed or slow trace and a tenth of the rest (deploy/otel-collector/tail-sampling.yaml). */
    public Treatment withTailSampling() {
        return new Treatment(description, changes, load, true);
    }

    /** The fix is applied on top of the fault: both sides run the same load against the same fault. */
    public Treatment then(Treatment fix) {
        return new Treatment(fix.description, concat(changes, fix.changes), options -> fix.load.apply(load.apply(options)),
                tailSampling || fix.tailSampling);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
