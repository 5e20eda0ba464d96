package io.otelref.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure that already knows which problem response it becomes. Services throw subclasses named
 * after the business situation (an unknown SKU, a declined payment); {@link ProblemExceptionMappers}
 * turns them into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ProblemException(int status, String typeSlug, String title, String detail,
            List<Problem.FieldError> fieldErrors, Map<String, String> headers, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of(), Map.of(), null);
    }

    /** A 4xx caused by one field of the request. */
    public static ProblemException forField(int status, String typeSlug, String title, String field, String message) {
        return new ProblemException(status, typeSlug, title, message,
                List.of(new Problem.FieldError(field, message)), Map.of(), null);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem's type URI, see {@link ProblemTypes}. */
    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
