package io.otelref.loadgen.results;

import java.util.Arrays;

import io.otelref.loadgen.run.Outcome;

/**
 * A request worth looking up in Jaeger.
 *
 * @param traceId   null for a shed request: it was never sent, so no trace exists
 * @param status    HTTP status, 0 when there was no response
 * @param latencyMs from the intended send time to the final answer (for shed: to when it was given up)
 * @param second    second of the run in which it ended
 * @param sampled   whether its trace was sampled, so that Jaeger can have it at all
 * @param orderId   the order a 201 placed (from its {@code Location}), so that it can be followed to its invoice;
 *                  null for any other answer
 */
public record TracedRequest(String traceId, String outcome, int status, double latencyMs, long second,
                            boolean sampled, String orderId) {

    public boolean placed() {
        return Outcome.PLACED.label().equals(outcome);
    }

    /** An error by {@link Outcome#isError()}: anything but a placed or declined order, shed ones included. */
    public boolean failed() {
        return Arrays.stream(Outcome.values()).anyMatch(kind -> kind.isError() && kind.label().equals(outcome));
    }
}
