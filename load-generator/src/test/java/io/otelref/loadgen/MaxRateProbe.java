package io.otelref.loadgen;

import java.util.ArrayList;
import java.util.List;

/**
 * Reproduces the "measured max rate" of docs/operations/load-generator.md: the load generator against
 * {@link StubCheckoutServer} in the same JVM, so one pinned core does all the work of both sides.
 * Not a test: run it by hand, e.g.
 * {@code taskset -c 0 java -cp 'target/classes:target/test-classes:target/lib/*' io.otelref.loadgen.MaxRateProbe --rate 2000 --duration 10s}
 */
public final class MaxRateProbe {

    private MaxRateProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            List<String> withTarget = new ArrayList<>(List.of("--target", server.url()));
            withTarget.addAll(List.of(args));
            System.exit(LoadGeneratorCli.run(withTarget, System.out, System.err));
        }
    }
}
