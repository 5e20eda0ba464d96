package io.otelref.scenarios.cli;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import io.otelref.loadgen.config.DurationArgument;
import io.otelref.scenarios.catalogue.Catalogue;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.run.RunPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Parses {@code ./demo scenario …} with picocli, the command-line library of every tool here; anything it does not
 * know is a {@link UsageException} naming the choices.
 */
public final class ScenarioCommandLine {

    public static final String USAGE = """
            usage: ./demo scenario list
                   ./demo scenario <name> [--fix] [--rate <req/s>] [--duration <duration>] [--no-warm-up]

              --fix              run the fault, then the same load with the fix switched on, and compare
              --rate <req/s>     arrival rate of each phase (default: the scenario's, see the list)
              --duration <d>     length of each phase, e.g. 30s (default %s)
              --no-warm-up       skip the 6 s of healthy load that warms the services up first

            The scenario's faults are switched through the services' admin API and put back when it ends,
            also when it is interrupted. docs/scenarios/ has a page per scenario.
            """.formatted(DurationArgument.format(RunPlan.DEFAULT_DURATION));

    private static final List<String> OPTIONS = List.of("--fix", "--rate", "--duration", "--no-warm-up");
    private static final Duration LONGEST = Duration.ofMinutes(30);

    private ScenarioCommandLine() {
    }

    /** {@code ./demo scenario <name> [options]}, as picocli fills it in; {@code list} is its subcommand. */
    @Command(name = "scenario", subcommands = ListCommand.class)
    static final class RunCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = "<name>")
        String name;

        @Option(names = "--fix")
        boolean fix;

        @Option(names = "--no-warm-up")
        boolean noWarmUp;

        @Option(names = "--rate", paramLabel = "<req/s>", converter = RateConverter.class)
        Double rate;

        @Option(names = "--duration", paramLabel = "<d>", converter = DurationConverter.class)
        Duration duration;

        @Option(names = { "-h", "--help" }, usageHelp = true)
        boolean help;
    }

    @Command(name = "list")
    static final class ListCommand {
    }

    public static ScenarioCommand parse(List<String> args) throws UsageException {
        if (args.size() == 1 && args.getFirst().equals("help")) {
            return new ScenarioCommand.Help();
        }
        RunCommand command = new RunCommand();
        CommandLine commandLine = new CommandLine(command);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args.toArray(String[]::new));
        } catch (UnmatchedArgumentException unknown) {
            if (unknown.getCommandLine().getCommandSpec().name().equals("list")) {
                throw new UsageException("'list' takes no options");
            }
            String first = unknown.getUnmatched().getFirst();
            throw new UsageException(first.startsWith("-") && command.name != null
                    ? "unknown option '" + first + "' (valid: " + String.join(" ", OPTIONS) + ")"
                    : "name one scenario, then its options (got '" + String.join(" ", args) + "')");
        } catch (ParameterException wrong) {
            throw new UsageException(wrong.getCause() instanceof UsageException reason ? reason.getMessage() : wrong.getMessage());
        }
        if (parsed.isUsageHelpRequested()) {
            return new ScenarioCommand.Help();
        }
        if (parsed.subcommand() != null) {
            return new ScenarioCommand.ListScenarios();
        }
        if (command.name == null) {
            throw new UsageException(args.isEmpty() ? "name a scenario, or 'list'" : "name the scenario before the options");
        }
        Scenario scenario = Catalogue.named(command.name).orElseThrow(
                () -> new UsageException("unknown scenario '" + command.name + "'"));
        if (command.fix && scenario.fix().isEmpty()) {
            throw new UsageException("'" + scenario.name() + "' has no fix switch (see " + scenario.page()
                    + "); scenarios with one: " + Catalogue.all().stream().filter(s -> s.fix().isPresent())
                            .map(Scenario::name).collect(Collectors.joining(" ")));
        }
        return new ScenarioCommand.Run(scenario, new RunPlan(command.fix,
                command.rate == null ? OptionalDouble.empty() : OptionalDouble.of(command.rate),
                command.duration == null ? RunPlan.DEFAULT_DURATION : command.duration, !command.noWarmUp));
    }

    /** One line per scenario: its name, whether it has a fix, and its summary. */
    public static String list() {
        return Catalogue.all().stream()
                .map(scenario -> "  %-24s %-5s %4s/s  %s".formatted(scenario.name(), scenario.fix().isPresent() ? "--fix" : "",
                        format(scenario.rate()), scenario.summary()))
                .collect(Collectors.joining("\n", "scenarios:\n", "\n"));
    }

    /** Requests per second, more than 0 and at most 500. */
    static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) throws UsageException {
            try {
                double rate = Double.parseDouble(text);
                if (rate > 0 && rate <= 500) {
                    return rate;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new UsageException("--rate expects requests per second between 0 and 500 (got '" + text + "')");
        }
    }

    /** A phase's length, as the load generator writes durations: longer than 0 and at most 30 minutes. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) throws UsageException {
            try {
                Duration duration = DurationArgument.parse("--duration", text);
                if (!duration.isZero() && duration.compareTo(LONGEST) <= 0) {
                    return duration;
                }
            } catch (io.otelref.loadgen.config.UsageException malformed) {  // the load generator's own kind
                throw new UsageException(malformed.getMessage());
            }
            throw new UsageException("--duration must be longer than 0s and at most 30m (got '" + text + "')");
        }
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
