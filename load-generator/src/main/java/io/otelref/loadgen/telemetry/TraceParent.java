package io.otelref.loadgen.telemetry;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C {@code traceparent} for one request: every order starts its own sampled trace, so the trace id
 * the reports print opens the whole checkout in Jaeger.
 */
public record TraceParent(String traceId, String spanId) {

    private static final HexFormat HEX = HexFormat.of();

    public static TraceParent startTrace() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** The same trace with a new parent span id: a client resend is another attempt of the same operation. */
    public TraceParent nextAttempt() {
        return new TraceParent(traceId, randomHex(8));
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** All-zero ids are invalid in W3C Trace Context, so draw again in that (vanishingly rare) case. */
    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (allZero(id));
        return HEX.formatHex(id);
    }

    private static boolean allZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
