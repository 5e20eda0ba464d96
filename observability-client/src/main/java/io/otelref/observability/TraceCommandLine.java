package io.otelref.observability;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.VictoriaLogsClient;

/**
 * The parsed arguments of {@link TraceCli}; parsing fails with a {@link UsageException} naming the problem.
 *
 * @param logs       {@code trace --logs}: each span's log records under it, from VictoriaLogs
 * @param logsOnly   {@code logs --trace <id>}: the trace's log records alone, oldest first, from every service
 */
record TraceCommandLine(
        URI jaegerUrl,
        URI victoriaLogsUrl,
        String traceId,
        String slowestService,
        String operation,
        Duration lookback,
        int limit,
        ColourChoice colour,
        boolean logs,
        boolean logsOnly,
        boolean help) {

    static final String USAGE = """
            usage: trace [options] <traceId>
                   trace [options] --slowest <service> [--operation <name>] [--lookback <duration>] [--limit <n>]
                   logs --trace <traceId> [--victorialogs <url>]

            Prints a trace from Jaeger as a waterfall: one line per span, its start and duration,
            a bar on the trace's time axis, errors marked, the critical path starred. With --logs,
            the log records each span wrote are under it, from VictoriaLogs. The logs command lists
            a trace's log records alone, oldest first, from every service.

              <traceId>             1 to 32 hex digits (from a traceparent header or a log line)
              --slowest <service>   the trace in which <service>'s longest span was longest
              --operation <name>    with --slowest: only traces with this span of <service>, e.g.
                                    "POST /api/checkout" (leaves out scheduled jobs' traces)
              --lookback <duration> how far back --slowest searches: 90s, 15m, 1h, 2d (default 1h)
              --limit <n>           how many recent traces --slowest compares (default 100)
              --logs                each span's log records under it
              --jaeger <url>        Jaeger's query API (default $JAEGER_URL, else %s)
              --victorialogs <url>  VictoriaLogs's API (default $VICTORIALOGS_URL, else %s)
              --color <when>        auto (default: when stdout is a terminal and NO_COLOR is unset),
                                    always, never
              -h, --help            this text

            exit status: 0 printed, 1 trace not found or a backend unreachable, 2 bad usage
            """.formatted(JaegerClient.DEFAULT_URL, VictoriaLogsClient.DEFAULT_URL);

    static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);
    static final int DEFAULT_LIMIT = 100;

    private static final Pattern LOOKBACK = Pattern.compile("(\\d{1,6})([smhd])");

    enum ColourChoice { AUTO, ALWAYS, NEVER }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    boolean slowest() {
        return slowestService != null;
    }

    static TraceCommandLine parse(List<String> args, Map<String, String> environment) throws UsageException {
        Deque<String> remaining = new ArrayDeque<>(args);
        if (remaining.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = remaining.pop();
        if (isHelp(command)) {
            return helpRequested();
        }
        String victoriaLogs = environment.getOrDefault("VICTORIALOGS_URL", VictoriaLogsClient.DEFAULT_URL);
        if (command.equals("logs")) {
            return logsCommand(remaining, victoriaLogs);
        }
        if (!command.equals("trace")) {
            throw new UsageException("unknown command '" + command + "'");
        }
        String jaeger = environment.getOrDefault("JAEGER_URL", JaegerClient.DEFAULT_URL);
        String traceId = null;
        String slowest = null;
        String operation = null;
        String lookback = null;
        String limit = null;
        String colour = "auto";
        boolean logs = false;
        while (!remaining.isEmpty()) {
            String argument = remaining.pop();
            if (isHelp(argument)) {
                return helpRequested();
            }
            switch (argument) {
                case "--jaeger" -> jaeger = value(argument, remaining);
                case "--victorialogs" -> victoriaLogs = value(argument, remaining);
                case "--logs" -> logs = true;
                case "--slowest" -> slowest = value(argument, remaining);
                case "--operation" -> operation = value(argument, remaining);
                case "--lookback" -> lookback = value(argument, remaining);
                case "--limit" -> limit = value(argument, remaining);
                case "--color", "--colour" -> colour = value(argument, remaining);
                default -> {
                    if (argument.startsWith("-")) {
                        throw new UsageException("unknown option '" + argument + "'");
                    }
                    if (traceId != null) {
                        throw new UsageException("one trace id at a time (got '" + traceId + "' and '" + argument + "')");
                    }
                    traceId = argument;
                }
            }
        }
        if ((traceId == null) == (slowest == null)) {
            throw new UsageException("give either a trace id or --slowest <service>");
        }
        if (slowest == null && (operation != null || lookback != null || limit != null)) {
            throw new UsageException("--operation, --lookback and --limit only apply to --slowest");
        }
        return new TraceCommandLine(httpUrl("Jaeger", jaeger), httpUrl("VictoriaLogs", victoriaLogs), traceId, slowest,
                operation, lookback == null ? DEFAULT_LOOKBACK : lookback(lookback),
                limit == null ? DEFAULT_LIMIT : limit(limit),
                colour(colour), logs, false, false);
    }

    private static TraceCommandLine logsCommand(Deque<String> remaining, String victoriaLogs) throws UsageException {
        String traceId = null;
        while (!remaining.isEmpty()) {
            String argument = remaining.pop();
            if (isHelp(argument)) {
                return helpRequested();
            }
            switch (argument) {
                case "--trace" -> traceId = value(argument, remaining);
                case "--victorialogs" -> victoriaLogs = value(argument, remaining);
                default -> throw new UsageException("logs takes --trace <traceId> and --victorialogs <url>, not '"
                        + argument + "'");
            }
        }
        if (traceId == null) {
            throw new UsageException("logs needs --trace <traceId>");
        }
        return new TraceCommandLine(null, httpUrl("VictoriaLogs", victoriaLogs), traceId, null, null, DEFAULT_LOOKBACK,
                DEFAULT_LIMIT, ColourChoice.NEVER, true, true, false);
    }

    private static TraceCommandLine helpRequested() {
        return new TraceCommandLine(null, null, null, null, null, DEFAULT_LOOKBACK, DEFAULT_LIMIT, ColourChoice.AUTO,
                false, false, true);
    }

    private static boolean isHelp(String argument) {
        return argument.equals("-h") || argument.equals("--help");
    }

    private static String value(String option, Deque<String> remaining) throws UsageException {
        if (remaining.isEmpty() || remaining.peek().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return remaining.pop();
    }

    private static URI httpUrl(String backend, String url) throws UsageException {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, like any other URL that is not http(s)://host
        }
        throw new UsageException("the " + backend + " URL must look like http://host:port, not '" + url + "'");
    }

    private static Duration lookback(String text) throws UsageException {
        Matcher matcher = LOOKBACK.matcher(text);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new UsageException("--lookback takes a positive duration such as 90s, 15m, 1h or 2d, not '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static int limit(String text) throws UsageException {
        try {
            int limit = Integer.parseInt(text);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--limit takes a positive whole number, not '" + text + "'");
    }

    private static ColourChoice colour(String text) throws UsageException {
        return switch (text) {
            case "auto" -> ColourChoice.AUTO;
            case "always" -> ColourChoice.ALWAYS;
            case "never" -> ColourChoice.NEVER;
            default -> throw new UsageException("--color takes auto, always or never, not '" + text + "'");
        };
    }
}
