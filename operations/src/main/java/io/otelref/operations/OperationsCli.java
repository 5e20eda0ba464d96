package io.otelref.operations;

import io.otelref.operations.chaos.ChaosCommand;
import io.otelref.operations.deadletters.DeadLettersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's commands that {@code ./demo} passes on: {@code dlq …} and {@code chaos …}. */
@Command(name = "demo", subcommands = { DeadLettersCommand.class, ChaosCommand.class }, mixinStandardHelpOptions = true,
        description = "Operate the running stack from outside, as an operator's tools would.")
public final class OperationsCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with the exit codes the docs give: 0 done, 1 failed, 2 wrong usage. */
    public static CommandLine commandLine() {
        return new CommandLine(new OperationsCli())
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    String cause = failure.getCause() == null ? "" : " (" + failure.getCause().getMessage() + ")";
                    commandLine.getErr().println("demo: " + failure.getMessage() + cause);
                    return 1;
                });
    }
}
