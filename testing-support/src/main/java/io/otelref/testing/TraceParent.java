package io.otelref.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context that a test chooses and sends as its caller's, over HTTP or in a Kafka header, so that it
 * knows which trace to read back and which span the service's first span must name as its parent.
 *
 * @param traceId      32 hex digits
 * @param parentSpanId 16 hex digits: the caller's span, parent of the first span the service records
 */
public record TraceParent(String traceId, String parentSpanId) {

    /** Random ids, sampled: what an instrumented caller would send. */
    public static TraceParent random() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** A caller's random span in the given trace: for a test that passes the trace id around. */
    public static TraceParent inTrace(String traceId) {
        return new TraceParent(traceId, randomHex(8));
    }

    /** The trace id in a {@code traceparent} header value. */
    public static String traceIdOf(String headerValue) {
        return headerValue.split("-")[1];
    }

    /** The {@code traceparent} header value: version 00, sampled flag set. */
    public String headerValue() {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
