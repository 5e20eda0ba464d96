package io.otelref.observability.logs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenTelemetry log record as the log store keeps it: when, which service, the trace and span it was written
 * in (empty outside any), its severity and message, and every other field it carries.
 */
public record LogRecord(Instant time, String service, Optional<String> traceId, Optional<String> spanId,
        String severity, String message, Map<String, String> fields) {
}
