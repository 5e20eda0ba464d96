package io.otelref.platform.http;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

/**
 * An optional request header that, when it is sent, must be well-formed. A {@code @HeaderParam} cannot
 * tell the two apart: RESTEasy Reactive hands an empty header ({@code Idempotency-Key:} with no value)
 * to the resource as if it were absent, and the request would silently lose its key.
 */
public final class OptionalHeader {

    private OptionalHeader() {
    }

    /** The header's value, empty if it was not sent; an empty value is returned as {@code ""}. */
    public static Optional<String> of(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.getFirst() == null ? "" : values.getFirst());
    }
}
