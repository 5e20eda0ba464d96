package io.otelref.operations.chaos;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;
import io.otelref.loadgen.run.LoadRun;
import io.otelref.observability.prometheus.PrometheusClient;
import io.otelref.operations.Addresses;

/**
 * One fault under load: open-model checkouts start, the fault is injected after a few seconds and lifted,
 * the load goes on a little longer, then the books are read until every placed order is invoiced once (or
 * a deadline passes) and compared with what the clients were told.
 */
public final class FaultRun {

    /** Load before the fault, so that it hits a system in its normal state. */
    private static final Duration LEAD = Duration.ofSeconds(5);
    /** Load after the fault, so that the recovery is under load too. */
    private static final Duration TAIL = Duration.ofSeconds(10);
    /** Longer than the slowest recovery needs: an orphaned payment is voided after 60 s + a 10 s check. */
    private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(150);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration EVIDENCE_DEADLINE = Duration.ofSeconds(45);

    private final Consumer<String> progress;
    private final Stage stage;

    public FaultRun(Consumer<String> progress) {
        this.progress = progress;
        this.stage = new Stage(Addresses.repoRoot(), progress);
    }

    public FaultReport run(Fault fault) throws SQLException {
        Instant start = Instant.now();
        Set<UUID> placed = ConcurrentHashMap.newKeySet();
        List<TracedRequest> failed = Collections.synchronizedList(new ArrayList<>());
        Consumer<TracedRequest> answered = request -> {
            if (request.orderId() != null) {
                placed.add(UUID.fromString(request.orderId()));
            } else if (request.failed() && request.traceId() != null) {
                failed.add(request);
            }
        };
        Instant recovered;
        RunResults results;
        if (fault.loadAfterInjection()) {
            progress.accept("injecting: " + fault.description());
            fault.inject(stage);
            recovered = Instant.now();
            results = load(fault, LEAD.plus(TAIL), answered).join();
        } else {
            CompletableFuture<RunResults> load = load(fault, LEAD.plus(fault.length()).plus(TAIL), answered);
            Stage.sleep(LEAD);
            progress.accept("injecting: " + fault.description());
            Instant injected = Instant.now();
            fault.inject(stage);
            recovered = Instant.now();
            progress.accept("the fault is over after " + Duration.between(injected, recovered).toSeconds() + " s");
            results = load.join();
        }
        progress.accept("reading the books until " + placed.size() + " placed orders are invoiced once");
        Reconciliation reconciliation = new Reconciliation(start);
        // Until then, an authorization without an order may still be a checkout in flight, not an orphan.
        Instant loadEnded = Instant.now();
        Instant earliest = loadEnded.plus(Reconciliation.IN_FLIGHT);
        Reconciliation.Books books = reconciliation.read(placed);
        Instant deadline = loadEnded.plus(SETTLE_DEADLINE);
        Duration settleTime = null;
        while (true) {
            Instant now = Instant.now();
            if (!books.settled()) {
                settleTime = null;
            } else if (settleTime == null) {
                settleTime = Duration.between(recovered, now);
            }
            if (books.settled() && !now.isBefore(earliest) || !now.isBefore(deadline)) {
                break;
            }
            Stage.sleep(POLL);
            books = reconciliation.read(placed);
        }
        Optional<Duration> settledAfter = Optional.ofNullable(settleTime);
        return new FaultReport(fault, results.requests(), statuses(results), books, settledAfter, p99(books.orderToInvoice()),
                failed.stream().limit(3).map(TracedRequest::traceId).toList(), missingEvidence(fault));
    }

    /**
     * The fault's evidence queries that Prometheus still answers with nothing after a while: metrics reach it
     * within an export interval (5 s) and a scrape interval (5 s) of being recorded.
     */
    private List<String> missingEvidence(Fault fault) {
        PrometheusClient prometheus = new PrometheusClient(Addresses.prometheus());
        Instant deadline = Instant.now().plus(EVIDENCE_DEADLINE);
        List<String> missing = fault.evidence();
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            Stage.sleep(POLL);
            missing = missing.stream().filter(query -> prometheus.query(query).isEmpty()).toList();
        }
        return missing;
    }

    /**
     * The load runs on its own thread for {@code duration} after the fault starts, at the fault's rate;
     * its spans go to the pipeline, so every failed checkout's trace starts at the user.
     */
    private static CompletableFuture<RunResults> load(Fault fault, Duration duration, Consumer<TracedRequest> answered) {
        LoadOptions options = LoadOptions.openModel(Addresses.checkout(), fault.rate(), duration,
                Optional.of(Addresses.otlp()), fault.ordinal());
        LoadRun run = new LoadRun(options, answered);
        return CompletableFuture.supplyAsync(() -> {
            run.run();
            return run.recorder().snapshot(System.nanoTime());
        });
    }

    private static Map<String, Long> statuses(RunResults results) {
        Map<String, Long> statuses = new TreeMap<>(results.statuses());
        long answered = statuses.values().stream().mapToLong(Long::longValue).sum();
        if (results.requests() > answered) {
            statuses.put("none", results.requests() - answered);
        }
        return statuses;
    }

    private static Duration p99(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    }
}
