package io.otelref.scenarios.run;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;
import io.otelref.loadgen.run.LoadRun;
import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.VictoriaLogsClient;
import io.otelref.observability.prometheus.PrometheusClient;
import io.otelref.observability.trace.Trace;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.catalogue.Treatment;
import io.otelref.scenarios.signal.Telemetry;
import io.otelref.scenarios.stack.AdminApi;
import io.otelref.scenarios.stack.AdminChange;
import io.otelref.scenarios.stack.CollectorSampling;
import io.otelref.scenarios.stack.Service;
import io.otelref.scenarios.stack.StackEndpoints;
import io.otelref.scenarios.stack.StackException;

/**
 * Runs a scenario against the running stack: switches its fault (and then its fix) on through the admin API,
 * drives its load, puts every service back, and collects what telemetry recorded. Every phase starts and ends
 * from the configured behaviour, so phases compare, and an interrupted run is restored by {@link #restore()}.
 */
public final class ScenarioRunner {

    /** Healthy, unmeasured load with many lines per order: JIT-warm services, and every SKU priced once. */
    /** Wide orders, so that every pricing and JDBC path is compiled before anything is measured. */
    private static final Duration WARM_UP_DURATION = Duration.ofSeconds(6);
    private static final int WARM_UP_ITEMS_MIN = 8;
    private static final int WARM_UP_ITEMS_MAX = 12;
    private static final int WARM_UP_ROUNDS = 6;
    /** Two rounds whose p95 differ by at most this share: the services' latency has stopped moving. */
    private static final double SETTLED = 0.25;
    /** Long enough for a backlog of invoices to drain once the fault is gone. */
    private static final Duration TRACE_DEADLINE = Duration.ofSeconds(60);
    /** Prometheus scrapes every 5 s (deploy/prometheus/prometheus.yml); one more scrape covers the phase's end. */
    private static final Duration SCRAPE_MARGIN = Duration.ofSeconds(6);

    private final StackEndpoints stack;
    private final AdminApi admin;
    private final CollectorSampling sampling;
    private final Telemetry telemetry;
    private final TraceCollector traces;
    private final PrintStream progress;

    public ScenarioRunner(StackEndpoints stack, PrintStream progress) {
        this.stack = stack;
        this.admin = new AdminApi(stack);
        this.sampling = CollectorSampling.discover();
        JaegerClient jaeger = new JaegerClient(stack.jaeger());
        this.telemetry = new Telemetry(jaeger, new PrometheusClient(stack.prometheus()),
                new VictoriaLogsClient(stack.victoriaLogs()));
        this.traces = new TraceCollector(jaeger);
        this.progress = progress;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    public ScenarioResult run(Scenario scenario, RunPlan plan) throws InterruptedException {
        try {
            if (plan.warmUp()) {
                warmUp(plan.rate().orElse(scenario.rate()));
            }
            PhaseResult fault = runPhase(scenario, scenario.fault().switchesNothing() ? "as configured" : "fault",
                    scenario.fault(), plan);
            Optional<PhaseResult> fix = Optional.empty();
            if (plan.withFix() && scenario.fix().isPresent()) {
                fix = Optional.of(runPhase(scenario, "fix", scenario.fault().then(scenario.fix().get()), plan));
            }
            return new ScenarioResult(scenario, fault, fix);
        } finally {
            restore();
        }
    }

    /** One phase of {@code scenario} under {@code treatment}; public so that tests can measure a baseline. */
    public PhaseResult runPhase(Scenario scenario, String label, Treatment treatment, RunPlan plan)
            throws InterruptedException {
        progress.printf("%n[%s] %s: %s%n", scenario.name(), label, treatment.description());
        admin.resetAll();
        if (treatment.tailSampling()) {
            // Until restore(): the traces are collected after the load, once the collector has decided on them.
            progress.println("  " + sampling.set(true));
        }
        for (AdminChange change : treatment.changes()) {
            admin.apply(change);
            progress.println("  switched " + change.describe());
        }
        LoadOptions load = treatment.load().apply(scenario.load().apply(LoadOptions.openModel(stack.service(Service.CHECKOUT),
                plan.rate().orElse(scenario.rate()), plan.duration(), Optional.of(stack.otlp()), newSeed())));
        progress.println("  load: load-generator " + String.join(" ", load.commandLine()));

        List<TracedRequest> answered = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        RunResults results;
        List<String> injected;
        try (ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<String>> disturbance = beside.submit(() -> scenario.duringLoad().isPresent()
                    ? scenario.duringLoad().get().run(stack, plan.duration()) : List.<String>of());
            results = new LoadRun(load, answered::add).runPrintingProgress(progress);
            injected = disturbance.get();
        } catch (ExecutionException failed) {
            throw new StackException("the scenario's side action failed: " + failed.getCause());
        }
        Instant end = Instant.now();
        admin.resetAll();
        progress.printf("  restored every service; collecting traces of %d requests from Jaeger%n", answered.size());

        Map<String, Trace> collected = traces.collect(answered, injected, TRACE_DEADLINE);
        Duration sinceEnd = Duration.between(end, Instant.now());
        if (sinceEnd.compareTo(SCRAPE_MARGIN) < 0) {
            Thread.sleep(SCRAPE_MARGIN.minus(sinceEnd));
        }
        PhaseRecord record = new PhaseRecord(label, start, end, results, answered, collected, injected);
        return PhaseResult.measure(treatment, record, scenario.signals(), telemetry);
    }

    /** Every service back to its configured behaviour, every trace kept; safe to call at any time, e.g. on Ctrl-C. */
    public void restore() {
        admin.resetAll();
        sampling.set(false);
    }

    /**
     * Rounds of healthy load until one has no error and its p95 is within {@value #SETTLED} of the round
     * before. A service that just started fails its first calls, and the circuit breakers they open stay open
     * for seconds. After that it stays slow on paths it has not compiled yet: in one CI run the third round
     * was the first without an error, and the baseline measured right after had a payment-gateway p95 of 1.5 s.
     */
    private void warmUp(double rate) throws InterruptedException {
        LoadOptions load = LoadOptions.openModel(stack.service(Service.CHECKOUT), rate, WARM_UP_DURATION, Optional.empty(),
                newSeed()).withItems(WARM_UP_ITEMS_MIN, WARM_UP_ITEMS_MAX);
        admin.resetAll();
        double previousP95 = Double.NaN;
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            progress.printf("warming up: healthy load for 6 s, not measured (round %d)%n", round);
            LoadRun warmUp = new LoadRun(load);
            warmUp.run();
            RunResults results = warmUp.recorder().snapshot(System.nanoTime());
            double p95 = results.latency().p95Ms();
            if (results.errors() > 0) {
                // The breakers those errors opened would refuse the next round's calls for seconds; the reset
                // closes them, so the runner need not know how long the services keep them open.
                progress.printf("  %d errors while warming up; closing the circuit breakers they opened%n", results.errors());
                admin.resetAll();
            } else if (Math.abs(p95 - previousP95) <= SETTLED * previousP95) {
                progress.printf("  p95 %.0f ms, as in the round before: warm%n", p95);
                return;
            } else {
                progress.printf("  p95 %.0f ms; once more, until it stops moving%n", p95);
            }
            previousP95 = p95;
        }
        progress.println("  still not settled; measuring anyway");
    }

    /** A fresh seed per run, as the command line picks one when it is given none; the printed command line keeps it. */
    private static long newSeed() {
        return ThreadLocalRandom.current().nextLong();
    }
}
