package io.otelref.platform.problem;

import java.net.URI;

/** Builds the {@code type} URI of a problem from its slug; every slug is documented in docs/api/problems.md. */
public final class ProblemTypes {

    private static final String BASE = "https://otel-reference.dev/problems/";

    private ProblemTypes() {
    }

    public static URI uri(String slug) {
        return URI.create(BASE + slug);
    }
}
