package io.otelref.observability.jaeger;

import java.time.Duration;
import java.util.Optional;

import io.otelref.observability.trace.Trace;

/** A trace did not become complete in time; the message lists the spans that had arrived. */
public class TraceTimeoutException extends RuntimeException {

    private final transient Optional<Trace> lastSeen;

    TraceTimeoutException(String traceId, Duration timeout, Optional<Trace> lastSeen) {
        super(lastSeen
                .map(trace -> "trace " + traceId + " was not complete after " + timeout + "; it had "
                        + trace.spans().size() + " spans:\n" + trace.describe())
                .orElse("trace " + traceId + " did not reach Jaeger within " + timeout));
        this.lastSeen = lastSeen;
    }

    /** The trace as last read, for tests that want to say more than the message does. */
    public Optional<Trace> lastSeen() {
        return lastSeen;
    }
}
