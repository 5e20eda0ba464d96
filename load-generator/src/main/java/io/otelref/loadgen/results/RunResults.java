package io.otelref.loadgen.results;

import java.util.List;
import java.util.Map;

/**
 * Everything a finished (or running) load run measured, in the shape the reports print.
 *
 * @param requests       orders that ended: answered, failed or shed (a resend belongs to its order)
 * @param resends        second attempts sent with the same Idempotency-Key
 * @param resendMismatch resends whose status differed from the first attempt's: idempotency not honoured
 * @param failedTotal    errors in all; {@code failed} lists the first of them
 */
public record RunResults(
        double elapsedSeconds,
        long requests,
        long errors,
        Map<String, Long> outcomes,
        Map<String, Long> statuses,
        long resends,
        long resendMismatch,
        LatencySummary latency,
        List<SecondStats> perSecond,
        List<TracedRequest> slowest,
        List<TracedRequest> failed,
        long failedTotal) {

    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }

    public double throughput() {
        return elapsedSeconds == 0 ? 0 : requests / elapsedSeconds;
    }
}
