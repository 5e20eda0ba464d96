package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.otelref.conventions.ConventionsReport;
import io.otelref.conventions.SemanticConventions;
import io.otelref.observability.trace.Trace;

/**
 * Every attribute key of every span of the end-to-end run, and every resource attribute key, read
 * back from Jaeger and held against the semantic-conventions registry (docs/telemetry/conventions.md):
 * each must be a current convention name or one of the {@code app.*} keys AppAttributes declares. The
 * failure names each offending key with its service, its verdict and, when known, its replacement;
 * the whole report is printed either way.
 *
 * <p>It runs last on purpose. Surefire runs the classes in alphabetical order ({@code runOrder} in this
 * module's pom), and {@code TelemetryConventions...} sorts after {@code ScenarioSignatures...} and every
 * other class here, so the traces of every scenario, phase and failure test before it are in Jaeger
 * when it reads them. Keep its name sorting last. (The fault suite runs in a later, separate Maven run,
 * {@code -Dgroups=faults}: its traces are not included.)
 */
class TelemetryConventionsEndToEndTest {

    /** The services whose traces the suite must have produced; any other service Jaeger knows is checked too. */
    private static final List<String> OUR_SERVICES = List.of("billing-service", "checkout-service", "invoice-worker");

    /**
     * Jaeger's search returns the most recent traces first, up to this many per service and operation:
     * enough that a key only some spans of an operation carry (error.type, http.request.resend_count,
     * app.pricing.fallback_count) is met, as the scenario runs just before produce those spans in bulk.
     */
    private static final int TRACES_PER_OPERATION = Integer.getInteger("conventions.traces-per-operation", 20);

    /** Spans exported in the last moments before the suite's JVM started belong to the run as well. */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    @Test
    void everyAttributeKeyOfTheRunIsACurrentConventionNameOrOneOfOurs() {
        SemanticConventions conventions = SemanticConventions.load();
        Duration lookback = lookback();
        List<Trace> traces = new ArrayList<>();
        Map<String, Integer> operationsByService = new LinkedHashMap<>();
        for (String service : Stack.jaeger.services()) {
            List<String> operations = Stack.jaeger.operations(service);
            operationsByService.put(service, operations.size());
            for (String operation : operations) {
                traces.addAll(Stack.jaeger.findTraces(service, operation, lookback, TRACES_PER_OPERATION));
            }
        }
        ConventionsReport report = ConventionsReport.of(conventions, traces);
        System.out.println("Read from Jaeger at " + Stack.jaeger.baseUrl() + ", looking back " + lookback
                + ", up to " + TRACES_PER_OPERATION + " traces per operation of " + operationsByService + "\n"
                + report.format());

        assertTrue(report.services().containsAll(OUR_SERVICES),
                () -> "the run left spans of " + report.services() + " in Jaeger, not of all of " + OUR_SERVICES);
        if (!report.isClean()) {
            fail(report.offenders().size() + " attribute keys of the run are not current semantic conventions ("
                    + conventions.versions() + ") nor declared app.* keys:\n"
                    + report.offenders().stream().map(line -> "  " + line.describe()).collect(Collectors.joining("\n"))
                    + "\n(the whole report is in the test's output above)");
        }
    }

    /**
     * From a little before this JVM started, which is when the suite started: surefire runs every class
     * of the module in one forked JVM. {@code -Dconventions.lookback=PT30M} overrides it, e.g. to run
     * this class alone after a suite.
     */
    private static Duration lookback() {
        String configured = System.getProperty("conventions.lookback");
        if (configured != null && !configured.isBlank()) {
            return Duration.parse(configured);
        }
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return Duration.between(jvmStarted, Instant.now()).plus(MARGIN);
    }
}
