package io.otelref.observability.logs;

/**
 * How much one service logged at one severity over a stretch of time: records, and the bytes of their text
 * (message and, where an exception was logged, its stack trace): the two numbers a log budget is kept in.
 */
public record LogVolume(String service, String severity, long records, long textBytes) {
}
