package io.otelref.scenarios;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.otelref.observability.waterfall.WaterfallStyle;
import io.otelref.scenarios.cli.ScenarioCommand;
import io.otelref.scenarios.cli.ScenarioCommandLine;
import io.otelref.scenarios.cli.UsageException;
import io.otelref.scenarios.report.ScenarioReport;
import io.otelref.scenarios.run.ScenarioResult;
import io.otelref.scenarios.run.ScenarioRunner;
import io.otelref.scenarios.stack.StackEndpoints;
import io.otelref.scenarios.stack.StackException;

/**
 * {@code ./demo scenario <name> [--fix]}: runs a failure scenario against the running stack and prints what a
 * trainee needs to find its cause from telemetry. Progress goes to stderr, the report to stdout.
 * Exit status 0 when it ran, 1 when the stack was not fit to run it, 2 on bad usage.
 */
public final class ScenarioCli {

    public static final int RAN = 0;
    public static final int STACK_NOT_READY = 1;
    public static final int BAD_USAGE = 2;

    private ScenarioCli() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(List.of(args), StackEndpoints.fromEnvironment(), System.out, System.err));
    }

    public static int run(List<String> args, StackEndpoints stack, PrintStream out, PrintStream err) throws InterruptedException {
        ScenarioCommand command;
        try {
            command = ScenarioCommandLine.parse(args);
        } catch (UsageException badUsage) {
            err.println("scenario: " + badUsage.getMessage());
            err.println();
            err.print(ScenarioCommandLine.USAGE);
            err.println();
            err.print(ScenarioCommandLine.list());
            return BAD_USAGE;
        }
        return switch (command) {
            case ScenarioCommand.Help help -> {
                out.print(ScenarioCommandLine.USAGE);
                out.println();
                out.print(ScenarioCommandLine.list());
                yield RAN;
            }
            case ScenarioCommand.ListScenarios list -> {
                out.print(ScenarioCommandLine.list());
                yield RAN;
            }
            case ScenarioCommand.Run run -> runScenario(run, stack, out, err);
        };
    }

    private static int runScenario(ScenarioCommand.Run command, StackEndpoints stack, PrintStream out, PrintStream err)
            throws InterruptedException {
        ScenarioRunner runner;
        try {
            runner = new ScenarioRunner(stack, err);
        } catch (StackException notReady) {
            err.println("scenario: " + notReady.getMessage());
            return STACK_NOT_READY;
        }
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C ends the JVM through its shutdown hooks: the one place left to put the faults back.
        Thread restoreOnInterrupt = new Thread(() -> {
            if (!finished.get()) {
                err.println("\nscenario: interrupted; restoring every service");
                runner.restore();
                err.println("scenario: restored");
            }
        }, "scenario-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnInterrupt);
        try {
            ScenarioResult result = runner.run(command.scenario(), command.plan());
            finished.set(true);
            // Plain ASCII: a scenario report is as often kept in a file or a CI log as read in a terminal.
            new ScenarioReport(runner.telemetry(), WaterfallStyle.PLAIN).print(result, out);
            return RAN;
        } catch (StackException notReady) {
            finished.set(true);
            err.println("scenario: " + notReady.getMessage());
            return STACK_NOT_READY;
        }
    }
}
