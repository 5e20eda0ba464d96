package io.otelref.operations.chaos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./demo chaos}: one fault (or all of them) injected under load, then the books reconciled. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "Inject a fault under load into the running stack, reconcile what was placed with what was invoiced,"
                + " charged and held, and print the report. 'list' names the faults; 'all' runs every one.")
public class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<fault>", description = "a fault of 'list', or 'all'")
    String fault;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (fault.equals("list")) {
            Arrays.stream(Fault.values()).forEach(each -> out.printf("  %-20s %s, at %d checkouts/s%n", each.id(),
                    each.description(), each.rate()));
            return 0;
        }
        List<Fault> faults = fault.equals("all") ? List.of(Fault.values()) : Fault.byId(fault).map(List::of).orElse(List.of());
        if (faults.isEmpty()) {
            spec.commandLine().getErr().printf("no fault %s; ./demo chaos list names them%n", fault);
            return 2;
        }
        FaultRun run = new FaultRun(line -> {
            out.println("  ... " + line);
            out.flush();
        });
        List<FaultReport> reports = new ArrayList<>();
        for (Fault each : faults) {
            FaultReport report = run.run(each);
            report.printTo(out);
            out.flush();
            reports.add(report);
        }
        if (reports.size() > 1) {
            out.println();
            out.printf("%-20s %8s %7s %5s %10s %5s %10s %9s  %s%n", "FAULT", "CHECKOUTS", "PLACED", "LOST", "DUPLICATED",
                    "500s", "SETTLED", "O2I p99", "VERDICT");
            for (FaultReport report : reports) {
                out.printf("%-20s %8d %7d %5d %10d %5d %10s %8.1fs  %s%n", report.fault().id(), report.requests(),
                        report.books().placed(), report.books().lost(), report.books().duplicated(),
                        report.statuses().getOrDefault("500", 0L),
                        report.settledAfter().map(after -> after.toSeconds() + " s").orElse("no"),
                        report.orderToInvoiceP99().toMillis() / 1000.0, report.passed() ? "pass" : "FAIL");
            }
        }
        return reports.stream().allMatch(FaultReport::passed) ? 0 : 1;
    }
}
