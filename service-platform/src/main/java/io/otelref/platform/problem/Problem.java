package io.otelref.platform.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
@Schema(name = "Problem", description = "An RFC 9457 problem document; its types are documented in docs/api/problems.md",
        requiredProperties = { "type", "title", "status" })
public record Problem(
        @Schema(format = "uri", examples = "https://otel-reference.dev/problems/validation-failed") URI type,
        String title,
        @Schema(minimum = "400", maximum = "599") int status,
        String detail,
        List<FieldError> errors,
        @Schema(description = "The W3C trace id of the request, when it was traced", pattern = "^[0-9a-f]{32}$") String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field of the request that was rejected, and why. */
    @Schema(name = "FieldError", requiredProperties = { "field", "message" })
    public record FieldError(
            @Schema(description = "A JSON path into the body (items[2].sku), body for the body as a whole, or a header name") String field,
            String message) {
    }
}
