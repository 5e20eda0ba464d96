package io.otelref.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error response in this system.
 *
 * @param type     identifies the kind of problem; documented in {@code docs/api/problems.md}
 * @param title    short, stable summary of the kind of problem
 * @param status   the HTTP status code, repeated for clients that only keep the body
 * @param detail   what went wrong with this request, in words a caller can act on
 * @param errors   the fields at fault, as JSON paths into the request body or header names
 * @param traceId  the W3C trace id of the request, so a report can be matched to its trace
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors, String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field of the request that was rejected, and why. */
    public record FieldError(String field, String message) {
    }
}
