package io.otelref.invoice.service;

/**
 * An {@code orders.placed} record that will never be invoiced by trying again: it goes to the
 * dead-letter topic with this message as its {@code dead-letter-reason} header, and its span is an
 * ERROR with {@link #errorType()} as {@code error.type}.
 */
public class UnprocessableEventException extends RuntimeException {

    /** The payload is not a JSON document of the expected shape. */
    public static final String MALFORMED_EVENT = "malformed-event";
    /** The payload parsed, but a field is missing or invalid. */
    public static final String INVALID_EVENT = "invalid-event";
    /** A dependency stayed unavailable for longer than the worker keeps a record waiting. */
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";

    private final String errorType;

    public UnprocessableEventException(String errorType, String reason, Throwable cause) {
        super(errorType + ": " + reason, cause);
        this.errorType = errorType;
    }

    public UnprocessableEventException(String errorType, String reason) {
        this(errorType, reason, null);
    }

    /** Low-cardinality name of the reason: one of the constants above, or billing's problem type such as {@code unknown-order}. */
    public String errorType() {
        return errorType;
    }
}
