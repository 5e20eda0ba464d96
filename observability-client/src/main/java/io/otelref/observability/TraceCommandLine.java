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

/** The parsed arguments of {@link TraceCli}; parsing fails with a {@link UsageException} naming the problem. */
record TraceCommandLine(
        URI jaegerUrl,
        String traceId,
        String slowestService,
        String operation,
        Duration lookback,
        int limit,
        ColourChoice colour,
        boolean help) {

    static final String USAGE = """
            usage: trace [options] <traceId>
                   trace [options] --slowest <service> [--operation <name>] [--lookback <duration>] [--limit <n>]

            Prints a trace from Jaeger as a waterfall: one line per span, its start and duration,
            a bar on the trace's time axis, errors marked, the critical path starred.

              <traceId>             1 to 32 hex digits (from a traceparent header or a log line)
              --slowest <service>   the trace in which <service>'s longest span was longest
              --operation <name>    with --slowest: only traces with this span of <service>, e.g.
                                    "POST /api/checkout" (leaves out scheduled jobs' traces)
              --lookback <duration> how far back --slowest searches: 90s, 15m, 1h, 2d (default 1h)
              --limit <n>           how many recent traces --slowest compares (default 100)
              --jaeger <url>        Jaeger's query API (default $JAEGER_URL, else %s)
              --color <when>        auto (default: when stdout is a terminal and NO_COLOR is unset),
                                    always, never
              -h, --help            this text

            exit status: 0 printed, 1 trace not found or Jaeger unreachable, 2 bad usage
            """.formatted(JaegerClient.DEFAULT_URL);

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
        while (!remaining.isEmpty()) {
            String argument = remaining.pop();
            if (isHelp(argument)) {
                return helpRequested();
            }
            switch (argument) {
                case "--jaeger" -> jaeger = value(argument, remaining);
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
        return new TraceCommandLine(jaegerUrl(jaeger), traceId, slowest, operation,
                lookback == null ? DEFAULT_LOOKBACK : lookback(lookback),
                limit == null ? DEFAULT_LIMIT : limit(limit),
                colour(colour), false);
    }

    private static TraceCommandLine helpRequested() {
        return new TraceCommandLine(null, null, null, null, DEFAULT_LOOKBACK, DEFAULT_LIMIT, ColourChoice.AUTO, true);
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

    private static URI jaegerUrl(String url) throws UsageException {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, like any other URL that is not http(s)://host
        }
        throw new UsageException("the Jaeger URL must look like http://host:port, not '" + url + "'");
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
