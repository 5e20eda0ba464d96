package io.otelref.loadgen.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

import io.otelref.loadgen.run.Outcome;

/**
 * Collects every request's outcome and latency, overall and per second of the run. Thread-safe: in-flight
 * requests finish on many virtual threads while the progress line reads a snapshot.
 *
 * <p>Latencies are recorded in microseconds into HdrHistograms, so percentiles are exact to three
 * significant digits overall (two per second) at any rate, without keeping every sample.
 */
public final class ResultRecorder {

    private static final int FAILED_KEPT = 100;
    private static final int OVERALL_DIGITS = 3;
    private static final int PER_SECOND_DIGITS = 2;

    private final long startNanos;
    private final int slowestKept;
    private final Consumer<TracedRequest> eachAnswered;
    private final Histogram latencyMicros = new Histogram(OVERALL_DIGITS);
    private final List<SecondBucket> seconds = new ArrayList<>();
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final PriorityQueue<TracedRequest> slowest =
            new PriorityQueue<>(Comparator.comparingDouble(TracedRequest::latencyMs));
    private final List<TracedRequest> failed = new ArrayList<>();
    private long requests;
    private long errors;
    private long resends;
    private long resendMismatch;

    /** @param eachAnswered told of every request that was sent, as it ends; it must not block */
    public ResultRecorder(long startNanos, int slowestKept, Consumer<TracedRequest> eachAnswered) {
        this.startNanos = startNanos;
        this.slowestKept = slowestKept;
        this.eachAnswered = eachAnswered;
    }

    private static final class SecondBucket {
        final Histogram latencyMicros = new Histogram(PER_SECOND_DIGITS);
        final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long scheduled;
        long completed;
        long errors;
    }

    public synchronized void recordScheduled(long intendedNanos) {
        bucket(intendedNanos).scheduled++;
    }

    /** A request that got an answer, an error or a timeout; latency runs from its intended send time. */
    public synchronized void recordCompleted(long intendedNanos, long endNanos, Outcome outcome, int status,
                                             String traceId, boolean sampled, String orderId) {
        long micros = Math.max(0, (endNanos - intendedNanos) / 1000);
        latencyMicros.recordValue(micros);
        SecondBucket bucket = countEnded(endNanos, outcome);
        bucket.latencyMicros.recordValue(micros);
        if (status != 0) {
            statuses.merge(status, 1L, Long::sum);
        }
        TracedRequest request = new TracedRequest(traceId, outcome.label(), status, micros / 1000.0,
                secondOf(endNanos), sampled, orderId);
        eachAnswered.accept(request);
        keepIfSlowest(request);
        if (outcome.isError()) {
            keepFailed(request);
        }
    }

    /** An arrival given up because --max-in-flight requests were outstanding; it has no latency to record. */
    public synchronized void recordShed(long intendedNanos, long shedNanos) {
        countEnded(shedNanos, Outcome.SHED);
        keepFailed(new TracedRequest(null, Outcome.SHED.label(), 0, (shedNanos - intendedNanos) / 1e6,
                secondOf(shedNanos), false, null));
    }

    public synchronized void recordResend(boolean sameStatusAsFirst) {
        resends++;
        if (!sameStatusAsFirst) {
            resendMismatch++;
        }
    }

    public synchronized RunResults snapshot(long nowNanos) {
        List<SecondStats> perSecond = new ArrayList<>(seconds.size());
        for (int second = 0; second < seconds.size(); second++) {
            SecondBucket bucket = seconds.get(second);
            perSecond.add(new SecondStats(second, bucket.scheduled, bucket.completed, bucket.errors,
                    LatencySummary.percentile(bucket.latencyMicros, 50),
                    LatencySummary.percentile(bucket.latencyMicros, 95),
                    LatencySummary.percentile(bucket.latencyMicros, 99),
                    labelled(bucket.outcomes)));
        }
        List<TracedRequest> slowestFirst = new ArrayList<>(slowest);
        slowestFirst.sort(Comparator.comparingDouble(TracedRequest::latencyMs).reversed());
        Map<String, Long> statusCounts = new LinkedHashMap<>();
        statuses.forEach((status, count) -> statusCounts.put(String.valueOf(status), count));
        return new RunResults((nowNanos - startNanos) / 1e9, requests, errors, labelled(outcomes), statusCounts,
                resends, resendMismatch, LatencySummary.of(latencyMicros), perSecond, slowestFirst,
                List.copyOf(failed), errors);
    }

    private SecondBucket countEnded(long endNanos, Outcome outcome) {
        SecondBucket bucket = bucket(endNanos);
        if (outcome != Outcome.SHED) {
            bucket.completed++;
        }
        bucket.outcomes.merge(outcome, 1L, Long::sum);
        outcomes.merge(outcome, 1L, Long::sum);
        requests++;
        if (outcome.isError()) {
            bucket.errors++;
            errors++;
        }
        return bucket;
    }

    private void keepIfSlowest(TracedRequest request) {
        if (slowestKept == 0) {
            return;
        }
        if (slowest.size() < slowestKept) {
            slowest.add(request);
        } else if (request.latencyMs() > slowest.peek().latencyMs()) {
            slowest.poll();
            slowest.add(request);
        }
    }

    private void keepFailed(TracedRequest request) {
        if (failed.size() < FAILED_KEPT) {
            failed.add(request);
        }
    }

    private SecondBucket bucket(long nanos) {
        int second = (int) secondOf(nanos);
        while (seconds.size() <= second) {
            seconds.add(new SecondBucket());
        }
        return seconds.get(second);
    }

    private long secondOf(long nanos) {
        return Math.max(0, (nanos - startNanos) / 1_000_000_000L);
    }

    private static Map<String, Long> labelled(Map<Outcome, Long> counts) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> byLabel.put(outcome.label(), count));
        return byLabel;
    }
}
