package io.otelref.platform.resilience;

/**
 * A Kafka record that no later attempt could process: unparseable, invalid, or about something that does
 * not exist. The consumer loop of service-messaging ({@code RecordProcessing}) sends it to the channel's dead-letter topic with this message as its
 * {@code dead-letter-reason} and {@link #errorType()} as its {@code dead-letter-error-type}. Throw it only
 * for what is the record's own fault: an unavailable dependency is waited out, never dead-lettered.
 */
public class UnprocessableRecordException extends RuntimeException {

    /** The payload is not a JSON document of the expected shape. */
    public static final String MALFORMED = "malformed-event";
    /** The payload parsed, but a field is missing or invalid. */
    public static final String INVALID = "invalid-event";

    private final String errorType;

    public UnprocessableRecordException(String errorType, String reason, Throwable cause) {
        super(errorType + ": " + reason, cause);
        this.errorType = errorType;
    }

    public UnprocessableRecordException(String errorType, String reason) {
        this(errorType, reason, null);
    }

    /** Low-cardinality name of the reason ({@link #MALFORMED}, {@code unknown-order} …): {@code error.type}, a metric tag. */
    public String errorType() {
        return errorType;
    }
}
