package io.otelref.scenarios.report;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.otelref.loadgen.results.LatencySummary;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;
import io.otelref.observability.http.BackendException;
import io.otelref.observability.logs.LogRecord;
import io.otelref.observability.logs.LogVolume;
import io.otelref.observability.prometheus.Sample;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.waterfall.Waterfall;
import io.otelref.observability.waterfall.WaterfallStyle;
import io.otelref.scenarios.catalogue.PromQuery;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.run.PhaseRecord;
import io.otelref.scenarios.run.PhaseResult;
import io.otelref.scenarios.run.ScenarioResult;
import io.otelref.scenarios.signal.Signal;
import io.otelref.scenarios.signal.Telemetry;

/**
 * What a trainee reads after a scenario ran: the load, the question, the evidence to start from (trace ids, one
 * waterfall with its log records, PromQL with its value now, the warnings and errors the services logged) and,
 * with {@code --fix}, the fault and the fix side by side.
 */
public final class ScenarioReport {

    private static final int TRACE_IDS_SHOWN = 5;
    private static final int LOG_PATTERNS_SHOWN = 5;
    private static final int LOG_RECORDS_READ = 5000;
    private static final int LOG_MESSAGE_SHOWN = 160;
    /** Checkouts per phase whose records the log-volume table counts: enough for two decimals, few for one query. */
    private static final int LOG_VOLUME_SAMPLE = 200;
    /** Ids and numbers, which make every record of one kind look different. */
    private static final Pattern VARYING = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\b[0-9a-f]{16,32}\\b|\\d+");

    private final Telemetry telemetry;
    private final WaterfallStyle style;

    public ScenarioReport(Telemetry telemetry, WaterfallStyle style) {
        this.telemetry = telemetry;
        this.style = style;
    }

    public void print(ScenarioResult result, PrintStream out) {
        Scenario scenario = result.scenario();
        out.printf("%n== %s: %s%n%n", scenario.name(), scenario.summary());
        printLoad(result.phases(), out);
        out.printf("%nQuestion: %s%n", scenario.question());
        printEvidence(scenario, result.fault().record(), out);
        out.printf("%nSignals%n");
        printSignals(result.phases(), out);
        printLogVolume(result.phases(), out);
        out.printf("%nThe mechanism, the answer and the fix: %s%n", scenario.page());
    }

    private static void printLoad(List<PhaseResult> phases, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(header("load", phases));
        rows.add(row("requests", phases, phase -> String.valueOf(phase.record().load().requests())));
        rows.add(row("errors", phases, phase -> errors(phase.record().load())));
        rows.add(row("latency p50 / p95 / p99", phases, phase -> latency(phase.record().load().latency())));
        rows.add(row("achieved rate", phases, phase -> "%.1f/s".formatted(phase.record().load().throughput())));
        out.print(Table.render(rows));
    }

    private void printEvidence(Scenario scenario, PhaseRecord fault, PrintStream out) {
        out.printf("%nEvidence (%s phase; any id: ./demo trace <id>)%n", fault.label());
        out.printf("  slowest: %s%n", ids(fault.load().slowest()));
        out.printf("  failed:  %s%n", fault.load().failed().isEmpty() ? "none" : ids(fault.load().failed()));
        if (!fault.injectedTraceIds().isEmpty()) {
            out.printf("  injected by the scenario: %s%n", String.join(" ", fault.injectedTraceIds().stream().limit(TRACE_IDS_SHOWN).toList()));
        }
        exhibit(scenario, fault).ifPresentOrElse(trace -> {
            out.printf("%n  waterfall of %s%n", trace.traceId());
            new Waterfall(style).render(trace, logsOf(trace)).forEach(line -> out.println("    " + line));
            // The one line to start from: where the request spent the longest stretch it could not overlap.
            trace.criticalPathLongestSection().ifPresent(section ->
                    out.printf("%n  longest stretch of the critical path: %s%n", section.describe()));
        }, () -> out.printf("%n  no trace of this phase is in Jaeger to draw%n"));
        out.printf("%n  In Prometheus (%s, over the phase):%n", "http://127.0.0.1:9090/graph");
        long seconds = Math.max(10, Duration.between(fault.start(), Instant.now()).toSeconds() + 1);
        for (PromQuery query : scenario.queries()) {
            String promql = query.over(seconds);
            List<String> answer = answer(promql);
            if (answer.size() == 1) {
                out.printf("    %s = %s%n", query.shows(), answer.getFirst());
            } else {
                out.printf("    %s:%n", query.shows());
                answer.forEach(series -> out.printf("      %s%n", series));
            }
            out.printf("      %s%n", promql);
        }
        printLogs(fault, out);
    }

    /**
     * The log budget under load (docs/telemetry/logs.md): per service and severity, records and bytes of text per
     * checkout in each phase, counted by the log store over a sample of the phase's own checkouts, by their trace ids
     * (so that traffic beside the scenario's, such as ./demo up's baseline, does not count). A healthy checkout
     * writes five INFO records; a fault shows as more of them, or as WARN and ERROR, where it hit.
     */
    private void printLogVolume(List<PhaseResult> phases, PrintStream out) {
        out.printf("%nLog volume per checkout (records, bytes of text, over up to %d of each phase's checkouts by trace id)%n",
                LOG_VOLUME_SAMPLE);
        // By identity: a phase is a record holding every trace it collected, too big to hash for each cell.
        Map<PhaseResult, PhaseLogs> byPhase = new IdentityHashMap<>();
        Instant now = Instant.now();
        try {
            for (PhaseResult phase : phases) {
                List<String> traceIds = spreadSample(phase.record().answered().stream()
                        .map(TracedRequest::traceId).filter(id -> id != null).toList(), LOG_VOLUME_SAMPLE);
                byPhase.put(phase, new PhaseLogs(traceIds.size(), telemetry.logs().volume(phase.record().start(), now, traceIds)
                        .stream().collect(Collectors.toMap(volume -> volume.service() + " " + volume.severity(), volume -> volume))));
            }
        } catch (BackendException unanswered) {
            out.printf("  (VictoriaLogs did not answer: %s)%n", unanswered.getMessage());
            return;
        }
        List<String> kinds = byPhase.values().stream().flatMap(logs -> logs.byKind().keySet().stream())
                .distinct().sorted().toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(header("service, level", phases));
        for (String kind : kinds) {
            rows.add(row(kind, phases, phase -> byPhase.get(phase).perCheckout(Optional.ofNullable(byPhase.get(phase).byKind().get(kind))
                    .stream().toList())));
        }
        rows.add(row("all", phases, phase -> byPhase.get(phase).perCheckout(List.copyOf(byPhase.get(phase).byKind().values()))));
        out.print(Table.render(rows));
    }

    /** What the log store counted for one phase: over how many of its checkouts, per "service level". */
    private record PhaseLogs(int sampled, Map<String, LogVolume> byKind) {
        String perCheckout(List<LogVolume> volumes) {
            return ScenarioReport.perCheckout(volumes, sampled);
        }
    }

    /** At most {@code size} of {@code items}, evenly spread over them: a phase's start and end both count. */
    static <T> List<T> spreadSample(List<T> items, int size) {
        if (items.size() <= size) {
            return items;
        }
        List<T> sample = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sample.add(items.get((int) ((long) i * items.size() / size)));
        }
        return sample;
    }

    static String perCheckout(List<LogVolume> volumes, long checkouts) {
        long records = volumes.stream().mapToLong(LogVolume::records).sum();
        long bytes = volumes.stream().mapToLong(LogVolume::textBytes).sum();
        if (records == 0) {
            return "-";
        }
        return checkouts == 0 ? records + " records"
                : String.format(Locale.ROOT, "%.2f, %,d B", (double) records / checkouts, bytes / checkouts);
    }

    private List<LogRecord> logsOf(Trace trace) {
        try {
            return telemetry.logs().ofTrace(trace.traceId());
        } catch (BackendException | IllegalArgumentException unanswered) {
            return List.of();
        }
    }

    /**
     * The warnings and errors the services logged during the phase, one line per kind of message (ids and numbers
     * aside), most frequent first, each with an example and its trace: a dead letter's reason, a retry, a refused
     * connection read the same here as in a production log search.
     */
    private void printLogs(PhaseRecord fault, PrintStream out) {
        out.printf("%n  In the logs (%s, WARN and ERROR over the phase; ./demo logs --trace <id>):%n",
                telemetry.logs().baseUrl() + "/select/vmui/");
        List<LogRecord> records;
        try {
            records = telemetry.logs().between(fault.start(), Instant.now(), "severity_text:in(WARN, ERROR)", LOG_RECORDS_READ);
        } catch (BackendException unanswered) {
            out.printf("    (VictoriaLogs did not answer: %s)%n", unanswered.getMessage());
            return;
        }
        if (records.isEmpty()) {
            out.printf("    none%n");
            return;
        }
        Map<String, List<LogRecord>> byKind = records.stream().collect(Collectors.groupingBy(
                record -> record.service() + " " + record.severity() + " " + VARYING.matcher(record.message()).replaceAll("#")));
        byKind.values().stream()
                .sorted((a, b) -> Integer.compare(b.size(), a.size()))
                .limit(LOG_PATTERNS_SHOWN)
                .forEach(kind -> {
                    LogRecord example = kind.getFirst();
                    out.printf("    %5d x %-5s %s: %s%n", kind.size(), example.severity(), example.service(),
                            shorten(example.message()));
                    example.traceId().ifPresent(traceId -> out.printf("              e.g. trace %s%n", traceId));
                });
        if (byKind.size() > LOG_PATTERNS_SHOWN) {
            out.printf("    and %d other kinds of record%n", byKind.size() - LOG_PATTERNS_SHOWN);
        }
    }

    private static String shorten(String message) {
        String oneLine = message.replace('\n', ' ');
        return oneLine.length() <= LOG_MESSAGE_SHOWN ? oneLine : oneLine.substring(0, LOG_MESSAGE_SHOWN - 3) + "...";
    }

    private Optional<Trace> exhibit(Scenario scenario, PhaseRecord phase) {
        Stream<String> candidates = switch (scenario.exhibit()) {
            case SLOWEST -> phase.load().slowest().stream().map(TracedRequest::traceId);
            case FAILED -> Stream.concat(phase.failed().stream(), phase.load().slowest().stream()).map(TracedRequest::traceId);
            case INJECTED -> Stream.concat(phase.injectedTraceIds().stream(), phase.load().slowest().stream().map(TracedRequest::traceId));
        };
        return candidates.map(id -> id == null ? null : phase.traces().get(id)).filter(trace -> trace != null).findFirst();
    }

    private List<String> answer(String promql) {
        try {
            return describe(telemetry.prometheus().query(promql));
        } catch (BackendException unanswered) {
            return List.of("(Prometheus did not answer: " + unanswered.getMessage() + ")");
        }
    }

    /**
     * One line per series, labelled the way the Prometheus UI shows them, so that a grouped query
     * ({@code sum by (job, dependency) (...)}) reads as a small table; a single unlabelled value stands alone.
     */
    static List<String> describe(List<Sample> samples) {
        if (samples.isEmpty()) {
            return List.of("no data");
        }
        if (samples.size() == 1 && samples.getFirst().labels().isEmpty()) {
            return List.of(number(samples.getFirst().value()));
        }
        return samples.stream()
                .map(sample -> series(sample.labels()) + " " + number(sample.value()))
                .sorted()
                .toList();
    }

    private static String series(Map<String, String> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "no data" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static void printSignals(List<PhaseResult> phases, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(header("signal", phases));
        if (phases.size() == 2) {
            header.add("fix / fault");
        }
        rows.add(header);
        for (Signal signal : phases.getFirst().signals().keySet()) {
            List<String> row = new ArrayList<>(List.of(signal.name() + " (" + signal.unit() + ")"));
            phases.forEach(phase -> row.add(format(phase.value(signal))));
            if (phases.size() == 2) {
                row.add(ratio(phases.get(1).value(signal), phases.get(0).value(signal)));
            }
            rows.add(row);
        }
        out.print(Table.render(rows));
    }

    private static List<String> header(String first, List<PhaseResult> phases) {
        List<String> header = new ArrayList<>(List.of(first));
        phases.forEach(phase -> header.add(phase.record().label()));
        return header;
    }

    private static List<String> row(String name, List<PhaseResult> phases, Function<PhaseResult, String> cell) {
        List<String> row = new ArrayList<>(List.of(name));
        phases.forEach(phase -> row.add(cell.apply(phase)));
        return row;
    }

    private static String errors(RunResults load) {
        return "%d (%.1f %%)".formatted(load.errors(), 100 * load.errorRate());
    }

    private static String latency(LatencySummary latency) {
        return "%s / %s / %s ms".formatted(format(latency.p50Ms()), format(latency.p95Ms()), format(latency.p99Ms()));
    }

    private static String ids(List<TracedRequest> requests) {
        List<String> shown = requests.stream().limit(TRACE_IDS_SHOWN)
                .map(request -> request.traceId() == null ? "(never sent)"
                        : request.traceId() + " " + format(request.latencyMs()) + " ms"
                                + (request.status() != 0 ? " " + request.status() : " " + request.outcome())
                                + (request.sampled() ? "" : " (not sampled)"))
                .toList();
        return shown.isEmpty() ? "none" : String.join("\n           ", shown);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double fix, double fault) {
        if (Double.isNaN(fix) || Double.isNaN(fault) || fault == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", fix / fault);
    }
}
