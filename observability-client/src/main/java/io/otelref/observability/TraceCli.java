package io.otelref.observability;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.otelref.observability.TraceCommandLine.ColourChoice;
import io.otelref.observability.TraceCommandLine.UsageException;
import io.otelref.observability.http.BackendException;
import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.LogRecord;
import io.otelref.observability.logs.VictoriaLogsClient;
import io.otelref.observability.trace.Millis;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;
import io.otelref.observability.waterfall.Waterfall;
import io.otelref.observability.waterfall.WaterfallStyle;

/**
 * {@code trace <traceId>} and {@code trace --slowest <service>}: a trace from Jaeger as a terminal
 * waterfall, with {@code --logs} each span's log records under it; {@code logs --trace <traceId>}: the trace's
 * log records alone. See {@link TraceCommandLine#USAGE}.
 */
public final class TraceCli {

    static final int OK = 0;
    static final int NOT_FOUND = 1;
    static final int BAD_USAGE = 2;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean stdoutIsTerminal;

    TraceCli(Map<String, String> environment, PrintStream out, PrintStream err, boolean stdoutIsTerminal) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.stdoutIsTerminal = stdoutIsTerminal;
    }

    public static void main(String[] args) {
        // On Java 22 to 24 System.console() is non-null even when stdout is redirected; --color never helps there.
        int status = new TraceCli(System.getenv(), System.out, System.err, System.console() != null).run(args);
        System.exit(status);
    }

    int run(String... args) {
        TraceCommandLine commandLine;
        try {
            commandLine = TraceCommandLine.parse(Arrays.asList(args), environment);
        } catch (UsageException e) {
            err.println("trace: " + e.getMessage());
            err.print(TraceCommandLine.USAGE);
            return BAD_USAGE;
        }
        if (commandLine.help()) {
            out.print(TraceCommandLine.USAGE);
            return OK;
        }
        try {
            VictoriaLogsClient logStore = new VictoriaLogsClient(commandLine.victoriaLogsUrl());
            if (commandLine.logsOnly()) {
                return printLogs(logStore, commandLine.traceId());
            }
            JaegerClient jaeger = new JaegerClient(commandLine.jaegerUrl());
            Optional<Trace> trace = commandLine.slowest() ? slowest(jaeger, commandLine) : byId(jaeger, commandLine);
            if (trace.isEmpty()) {
                return NOT_FOUND;
            }
            List<LogRecord> records = commandLine.logs() ? logStore.ofTrace(trace.get().traceId()) : List.of();
            out.print(new Waterfall(style(commandLine.colour())).renderToString(trace.get(), records));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("trace: " + e.getMessage());
            err.print(TraceCommandLine.USAGE);
            return BAD_USAGE;
        } catch (BackendException e) {
            err.println("trace: " + e.getMessage());
            return NOT_FOUND;
        }
    }

    private int printLogs(VictoriaLogsClient logStore, String traceId) {
        List<LogRecord> records = logStore.ofTrace(traceId);
        if (records.isEmpty()) {
            err.println("trace: VictoriaLogs at " + logStore.baseUrl() + " has no log record of trace " + traceId
                    + " (not sent yet, older than its retention, or written outside any span)");
            return NOT_FOUND;
        }
        int serviceWidth = records.stream().mapToInt(record -> record.service().length()).max().orElse(0);
        for (LogRecord record : records) {
            out.println(String.format(Locale.ROOT, "%s  %-" + serviceWidth + "s  span %-16s  %-5s  %s", record.time(),
                    record.service(), record.spanId().orElse("-"), record.severity(), record.message()));
        }
        return OK;
    }

    private Optional<Trace> byId(JaegerClient jaeger, TraceCommandLine commandLine) {
        Optional<Trace> trace = jaeger.trace(commandLine.traceId());
        if (trace.isEmpty()) {
            err.println("trace: Jaeger at " + jaeger.baseUrl() + " has no trace " + commandLine.traceId()
                    + " (not sent yet, evicted, or from another Jaeger)");
        }
        return trace;
    }

    /**
     * Ranks by the service's own longest span, not by the root's duration: the root belongs to the
     * first service of the request, so for a downstream service (invoice-worker) the root's duration
     * would rank checkout's latency, and a trace's total extent would rank Kafka and outbox delays.
     */
    private Optional<Trace> slowest(JaegerClient jaeger, TraceCommandLine commandLine) {
        String service = commandLine.slowestService();
        List<Trace> traces = jaeger.findTraces(service, commandLine.operation(), commandLine.lookback(),
                commandLine.limit());
        Optional<Trace> slowest = traces.stream()
                .filter(trace -> longestSpanOf(trace, service).isPresent())
                .max(Comparator.comparing(trace -> longestSpanOf(trace, service).orElseThrow().duration()));
        if (slowest.isEmpty()) {
            err.println("trace: Jaeger at " + jaeger.baseUrl() + " has no trace of " + service
                    + " that started in the last " + commandLine.lookback().toString().substring(2).toLowerCase(Locale.ROOT)
                    + " (services it knows: " + String.join(", ", jaeger.services()) + ")");
            return slowest;
        }
        TraceSpan longest = longestSpanOf(slowest.get(), service).orElseThrow();
        out.println("slowest of " + traces.size() + " recent traces of " + service + ": its longest span, "
                + longest.operation() + ", took " + Millis.format(longest.duration()) + " ms");
        return slowest;
    }

    private static Optional<TraceSpan> longestSpanOf(Trace trace, String service) {
        return trace.spansOf(service).stream().max(Comparator.comparing(TraceSpan::duration));
    }

    private WaterfallStyle style(ColourChoice colour) {
        boolean ansi = switch (colour) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> stdoutIsTerminal && environment.getOrDefault("NO_COLOR", "").isEmpty();
        };
        return ansi ? WaterfallStyle.ANSI : WaterfallStyle.PLAIN;
    }
}
