package io.otelref.scenarios.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import io.otelref.loadgen.config.DurationArgument;
import io.otelref.scenarios.catalogue.Catalogue;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.run.RunPlan;

/** Parses {@code ./demo scenario …}; anything it does not know is a {@link UsageException} naming the choices. */
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

    public static ScenarioCommand parse(List<String> args) throws UsageException {
        Deque<String> remaining = new ArrayDeque<>(args);
        if (remaining.isEmpty()) {
            throw new UsageException("name a scenario, or 'list'");
        }
        String first = remaining.pop();
        if (first.equals("-h") || first.equals("--help") || first.equals("help")) {
            return new ScenarioCommand.Help();
        }
        if (first.equals("list")) {
            if (!remaining.isEmpty()) {
                throw new UsageException("'list' takes no options");
            }
            return new ScenarioCommand.ListScenarios();
        }
        Scenario scenario = Catalogue.named(first).orElseThrow(() -> new UsageException(
                first.startsWith("-") ? "name the scenario before the options" : "unknown scenario '" + first + "'"));
        boolean fix = false;
        boolean warmUp = true;
        OptionalDouble rate = OptionalDouble.empty();
        Duration duration = RunPlan.DEFAULT_DURATION;
        while (!remaining.isEmpty()) {
            String flag = remaining.pop();
            switch (flag) {
                case "--fix" -> fix = true;
                case "--no-warm-up" -> warmUp = false;
                case "--rate" -> rate = OptionalDouble.of(rate(value(flag, remaining)));
                case "--duration" -> duration = duration(value(flag, remaining));
                default -> throw new UsageException("unknown option '" + flag + "' (valid: " + String.join(" ", OPTIONS) + ")");
            }
        }
        if (fix && scenario.fix().isEmpty()) {
            throw new UsageException("'" + scenario.name() + "' has no fix switch (see " + scenario.page()
                    + "); scenarios with one: " + Catalogue.all().stream().filter(s -> s.fix().isPresent())
                            .map(Scenario::name).collect(Collectors.joining(" ")));
        }
        return new ScenarioCommand.Run(scenario, new RunPlan(fix, rate, duration, warmUp));
    }

    /** One line per scenario: its name, whether it has a fix, and its summary. */
    public static String list() {
        return Catalogue.all().stream()
                .map(scenario -> "  %-24s %-5s %4s/s  %s".formatted(scenario.name(), scenario.fix().isPresent() ? "--fix" : "",
                        format(scenario.rate()), scenario.summary()))
                .collect(Collectors.joining("\n", "scenarios:\n", "\n"));
    }

    private static String value(String flag, Deque<String> remaining) throws UsageException {
        if (remaining.isEmpty() || remaining.peek().startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return remaining.pop();
    }

    private static double rate(String text) throws UsageException {
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

    private static Duration duration(String text) throws UsageException {
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

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    }
}
