package io.otelref.observability.http;

/**
 * A trace or metrics backend could not answer: unreachable, an unexpected status, a body that is not
 * the documented JSON, or a query it rejected. The message names the URL, so it can be shown as is.
 */
public class BackendException extends RuntimeException {

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
