package io.otelref.observability.trace;

import java.util.Locale;
import java.util.regex.Pattern;

/** Trace ids as people paste them: from a {@code traceparent} header, a log line, or Jaeger, which drops leading zeros. */
public final class TraceIds {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{1,32}");

    private TraceIds() {
    }

    /**
     * The id trimmed and in lower case.
     *
     * @throws IllegalArgumentException when it is not 1 to 32 hex digits
     */
    public static String normalize(String traceId) {
        String normalized = traceId == null ? "" : traceId.strip().toLowerCase(Locale.ROOT);
        if (!TRACE_ID.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not a trace id (1 to 32 hex digits): '" + traceId + "'");
        }
        return normalized;
    }

    /** As {@link #normalize}, padded with leading zeros to all 32 digits, as log records and headers carry it. */
    public static String full(String traceId) {
        String normalized = normalize(traceId);
        return "0".repeat(32 - normalized.length()) + normalized;
    }
}
