package io.otelref.invoice;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C trace context chosen by a test, as the upstream producer (checkout's outbox relay) would send it. */
record TraceParent(String traceId, String spanId) {

    static TraceParent random() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** The trace id in a {@code traceparent} header value. */
    static String traceIdOf(String headerValue) {
        return headerValue.split("-")[1];
    }

    String headerValue() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
