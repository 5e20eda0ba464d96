package io.otelref.platform.http;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Rejects a request whose declared body is larger than any valid request of this API, before the
 * body is read, with a problem that says what the limit is. The server's own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays as the backstop for bodies sent without a length.
 */
public class RequestBodyLimit {

    private final long maxBytes;

    RequestBodyLimit(@ConfigProperty(name = "platform.http.max-request-body", defaultValue = "64K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectOversizeBody(HttpHeaders headers) {
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || parse(declared) <= maxBytes) {
            return Optional.empty();
        }
        String message = "must not be larger than " + maxBytes + " bytes";
        return Optional.of(ProblemResponses.of(413, "body-too-large", "The request body is too large",
                "body " + message, List.of(new Problem.FieldError("body", message))));
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }
}
