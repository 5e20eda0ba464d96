package io.otelref.billing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C trace context that a test sends with its request, so that it knows which trace to read back. */
record Traceparent(String traceId, String parentSpanId) {

    static Traceparent random() {
        return new Traceparent(randomHex(16), randomHex(8));
    }

    String header() {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
