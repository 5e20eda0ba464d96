package io.otelref.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.config.LoadOptionsParser;
import io.otelref.loadgen.config.UsageException;
import io.otelref.loadgen.report.HtmlReport;
import io.otelref.loadgen.report.JsonReport;
import io.otelref.loadgen.report.SummaryTable;
import io.otelref.loadgen.report.Verdict;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.run.LoadRun;

/**
 * {@code java -jar load-generator.jar --rate 20 --duration 30s}: runs the load, prints a progress line a second
 * to stderr and the summary to stdout, writes the requested reports.
 * Exit status 0 when the thresholds hold, 1 when one is breached, 2 on bad usage.
 */
public final class LoadGeneratorCli {

    public static final int PASSED = 0;
    public static final int THRESHOLD_BREACHED = 1;
    public static final int BAD_USAGE = 2;

    private LoadGeneratorCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<LoadOptions> parsed;
        try {
            parsed = LoadOptionsParser.parse(args);
        } catch (UsageException badUsage) {
            err.println("load-generator: " + badUsage.getMessage());
            err.println();
            err.print(LoadOptionsParser.USAGE);
            return BAD_USAGE;
        }
        if (parsed.isEmpty()) {
            out.print(LoadOptionsParser.USAGE);
            return PASSED;
        }
        LoadOptions options = parsed.get();
        RunResults results = new LoadRun(options).runPrintingProgress(err);
        Verdict verdict = Verdict.of(options, results);
        out.print(SummaryTable.of(options, results, verdict));
        try {
            if (options.jsonReport().isPresent()) {
                JsonReport.of(options, results, verdict).write(options.jsonReport().get());
            }
            if (options.htmlReport().isPresent()) {
                HtmlReport.write(options.htmlReport().get(), options, results, verdict);
            }
        } catch (IOException unwritable) {
            err.println("load-generator: cannot write the report: " + unwritable.getMessage());
            return BAD_USAGE;
        }
        return verdict.passed() ? PASSED : THRESHOLD_BREACHED;
    }
}
