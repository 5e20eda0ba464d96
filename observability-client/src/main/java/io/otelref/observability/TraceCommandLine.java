package io.otelref.observability;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.VictoriaLogsClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The parsed arguments of {@link TraceCli}, read by picocli (the command-line library of every tool here); parsing
 * fails with a {@link UsageException} naming the problem.
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

    /** The two commands as picocli reads them; the values are checked below, with messages of our own. */
    @Command(name = "trace-cli", subcommands = { TraceArguments.class, LogsArguments.class })
    static final class Commands {
    }

    @Command(name = "trace")
    static final class TraceArguments {
        @Parameters(arity = "0..1", paramLabel = "<traceId>") String traceId;
        @Option(names = "--jaeger") String jaeger;
        @Option(names = "--victorialogs") String victoriaLogs;
        @Option(names = "--logs") boolean logs;
        @Option(names = "--slowest") String slowest;
        @Option(names = "--operation") String operation;
        @Option(names = "--lookback") String lookback;
        @Option(names = "--limit") String limit;
        @Option(names = { "--color", "--colour" }) String colour = "auto";
        @Option(names = { "-h", "--help" }, usageHelp = true) boolean help;
    }

    @Command(name = "logs")
    static final class LogsArguments {
        @Option(names = "--trace") String traceId;
        @Option(names = "--victorialogs") String victoriaLogs;
        @Option(names = { "-h", "--help" }, usageHelp = true) boolean help;
    }

    static TraceCommandLine parse(List<String> args, Map<String, String> environment) throws UsageException {
        if (args.size() == 1 && isHelp(args.getFirst())) {
            return helpRequested();
        }
        CommandLine commands = new CommandLine(new Commands());
        ParseResult parsed;
        try {
            parsed = commands.parseArgs(args.toArray(String[]::new));
        } catch (MissingParameterException missing) {
            throw new UsageException(!missing.getMissing().isEmpty() && missing.getMissing().getFirst() instanceof OptionSpec option
                    ? option.longestName() + " needs a value" : missing.getMessage());
        } catch (UnmatchedArgumentException unmatched) {
            throw new UsageException(unmatchedMessage(unmatched));
        } catch (ParameterException wrong) {
            throw new UsageException(wrong.getMessage());
        }
        if (parsed.subcommand() == null) {
            throw new UsageException("no command given");
        }
        if (parsed.subcommand().isUsageHelpRequested()) {
            return helpRequested();
        }
        String victoriaLogs = environment.getOrDefault("VICTORIALOGS_URL", VictoriaLogsClient.DEFAULT_URL);
        if (parsed.subcommand().commandSpec().userObject() instanceof LogsArguments logs) {
            if (logs.traceId == null) {
                throw new UsageException("logs needs --trace <traceId>");
            }
            return new TraceCommandLine(null, httpUrl("VictoriaLogs", orElse(logs.victoriaLogs, victoriaLogs)), logs.traceId,
                    null, null, DEFAULT_LOOKBACK, DEFAULT_LIMIT, ColourChoice.NEVER, true, true, false);
        }
        TraceArguments trace = (TraceArguments) parsed.subcommand().commandSpec().userObject();
        if ((trace.traceId == null) == (trace.slowest == null)) {
            throw new UsageException("give either a trace id or --slowest <service>");
        }
        if (trace.slowest == null && (trace.operation != null || trace.lookback != null || trace.limit != null)) {
            throw new UsageException("--operation, --lookback and --limit only apply to --slowest");
        }
        return new TraceCommandLine(httpUrl("Jaeger", orElse(trace.jaeger, environment.getOrDefault("JAEGER_URL",
                JaegerClient.DEFAULT_URL))), httpUrl("VictoriaLogs", orElse(trace.victoriaLogs, victoriaLogs)), trace.traceId,
                trace.slowest, trace.operation, trace.lookback == null ? DEFAULT_LOOKBACK : lookback(trace.lookback),
                trace.limit == null ? DEFAULT_LIMIT : limit(trace.limit), colour(trace.colour), trace.logs, false, false);
    }

    private static String unmatchedMessage(UnmatchedArgumentException unmatched) {
        String first = unmatched.getUnmatched().getFirst();
        CommandSpec where = unmatched.getCommandLine().getCommandSpec();
        if (where.userObject() instanceof Commands) {
            return "unknown command '" + first + "'";
        }
        if (where.userObject() instanceof LogsArguments) {
            return "logs takes --trace <traceId> and --victorialogs <url>, not '" + first + "'";
        }
        if (first.startsWith("-")) {
            return "unknown option '" + first + "'";
        }
        return "one trace id at a time (got '" + ((TraceArguments) where.userObject()).traceId + "' and '" + first + "')";
    }

    private static String orElse(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    private static TraceCommandLine helpRequested() {
        return new TraceCommandLine(null, null, null, null, null, DEFAULT_LOOKBACK, DEFAULT_LIMIT, ColourChoice.AUTO,
                false, false, true);
    }

    private static boolean isHelp(String argument) {
        return argument.equals("-h") || argument.equals("--help");
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
