package io.otelref.loadgen.report;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.run.Outcome;
import io.otelref.loadgen.results.SecondStats;

/** The once-a-second line while a run is going: the last full second's rates, percentiles so far, errors. */
public final class ProgressLine {

    private ProgressLine() {
    }

    public static String of(RunResults soFar, int inFlight) {
        List<SecondStats> seconds = soFar.perSecond();
        int lastFull = (int) Math.floor(soFar.elapsedSeconds()) - 1;
        SecondStats last = lastFull >= 0 && lastFull < seconds.size() ? seconds.get(lastFull) : null;
        return "%5.0fs  target %5d/s  achieved %5d/s  in flight %4d  p50 %s  p95 %s  p99 %s  errors %s".formatted(
                soFar.elapsedSeconds(),
                last == null ? 0 : last.scheduled(),
                last == null ? 0 : last.completed(),
                inFlight,
                SummaryTable.millis(soFar.latency().p50Ms()),
                SummaryTable.millis(soFar.latency().p95Ms()),
                SummaryTable.millis(soFar.latency().p99Ms()),
                errorsByKind(soFar));
    }

    private static String errorsByKind(RunResults soFar) {
        if (soFar.errors() == 0) {
            return "0";
        }
        return soFar.errors() + " (" + Arrays.stream(Outcome.values())
                .filter(Outcome::isError)
                .filter(kind -> soFar.outcomes().containsKey(kind.label()))
                .map(kind -> kind.label() + " " + soFar.outcomes().get(kind.label()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
