package io.otelref.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.otelref.loadgen.config.DurationArgument;
import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.LatencySummary;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.SecondStats;
import io.otelref.loadgen.results.TracedRequest;

/** The --html file: one self-contained page (inline SVG and CSS, nothing fetched) to attach to a ticket. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(Path file, LoadOptions options, RunResults results, Verdict verdict) throws IOException {
        Files.writeString(file, render(options, results, verdict));
    }

    public static String render(LoadOptions options, RunResults results, Verdict verdict) {
        List<SecondStats> seconds = results.perSecond();
        String latencyChart = SvgLineChart.render("latency-chart", "Latency per second", "ms", List.of(
                new SvgLineChart.Series("p50", "#2b8a3e", series(seconds, SecondStats::p50Ms)),
                new SvgLineChart.Series("p95", "#e67700", series(seconds, SecondStats::p95Ms)),
                new SvgLineChart.Series("p99", "#c92a2a", series(seconds, SecondStats::p99Ms))));
        String throughputChart = SvgLineChart.render("throughput-chart", "Throughput per second", "req/s", List.of(
                new SvgLineChart.Series("target", "#868e96", series(seconds, SecondStats::scheduled)),
                new SvgLineChart.Series("achieved", "#1971c2", series(seconds, SecondStats::completed)),
                new SvgLineChart.Series("errors", "#c92a2a", series(seconds, SecondStats::errors))));
        LatencySummary latency = results.latency();
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Load run: %1$s</title>
                <style>
                body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #212529; }
                table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
                td, th { border: 1px solid #dee2e6; padding: 3px 10px; text-align: right; }
                th { background: #f1f3f5; } td.id { font-family: monospace; text-align: left; }
                .pass { color: #2b8a3e; } .fail { color: #c92a2a; }
                </style>
                </head>
                <body>
                <h1>Load run: POST %1$s/api/checkout</h1>
                <p>target %2$s req/s, ramp-up %3$s, duration %4$s, max in flight %5$d, seed %6$d;
                ran %7$.1f s, achieved %8$.1f req/s.
                Latency is measured from each request's <em>intended</em> send time.</p>
                <h2 class="%9$s">%10$s</h2>
                <h2>Outcomes</h2>
                %11$s
                <h2>Latency (ms)</h2>
                <table><tr><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>p99.9</th><th>max</th></tr>
                <tr><td>%12$s</td><td>%13$s</td><td>%14$s</td><td>%15$s</td><td>%16$s</td><td>%17$s</td></tr></table>
                <h2>Latency over time</h2>
                %18$s
                <h2>Throughput</h2>
                %19$s
                <h2>Slowest requests</h2>
                %20$s
                <h2>Failed requests</h2>
                %21$s
                </body>
                </html>
                """.formatted(
                Html.escape(options.target().toString()), SummaryTable.trim(options.rate()),
                DurationArgument.format(options.rampUp()), DurationArgument.format(options.duration()),
                options.maxInFlight(), options.seed(), results.elapsedSeconds(), results.throughput(),
                verdict.passed() ? "pass" : "fail",
                verdict.passed() ? "PASS" : "FAIL: " + Html.escape(String.join("; ", verdict.breaches())),
                outcomeTable(results.outcomes(), results.requests()),
                SummaryTable.millis(latency.p50Ms()), SummaryTable.millis(latency.p90Ms()),
                SummaryTable.millis(latency.p95Ms()), SummaryTable.millis(latency.p99Ms()),
                SummaryTable.millis(latency.p999Ms()), SummaryTable.millis(latency.maxMs()),
                latencyChart, throughputChart,
                traceTable(results.slowest()), traceTable(results.failed()));
    }

    private static double[] series(List<SecondStats> seconds, ToDoubleFunction<SecondStats> value) {
        return seconds.stream().mapToDouble(value).toArray();
    }

    private static String outcomeTable(Map<String, Long> outcomes, long requests) {
        StringBuilder table = new StringBuilder("<table><tr><th>outcome</th><th>count</th><th>share</th></tr>\n");
        outcomes.forEach((outcome, count) -> table.append("<tr><td class=\"id\">%s</td><td>%d</td><td>%.1f%%</td></tr>%n"
                .formatted(outcome, count, 100.0 * count / Math.max(1, requests))));
        return table.append("</table>").toString();
    }

    private static String traceTable(List<TracedRequest> requests) {
        if (requests.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder table = new StringBuilder(
                "<table><tr><th>trace id</th><th>outcome</th><th>status</th><th>latency</th><th>second</th></tr>\n");
        for (TracedRequest request : requests) {
            table.append("<tr><td class=\"id\">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td></tr>%n".formatted(
                    request.traceId() == null ? "(not sent)" : request.traceId(), request.outcome(),
                    request.status() == 0 ? "-" : request.status(), SummaryTable.millis(request.latencyMs()),
                    request.second()));
        }
        return table.append("</table>").toString();
    }
}
