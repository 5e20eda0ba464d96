package io.otelref.platform.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemResponses;

/**
 * Guards every {@code /admin/…} endpoint, where faults and fixes are switched at runtime. The admin
 * API is off unless a token is configured: {@code platform.admin.token} (env {@code PLATFORM_ADMIN_TOKEN}),
 * or else the content of the file {@code platform.admin.token-file} names (env
 * {@code PLATFORM_ADMIN_TOKEN_FILE}; compose generates one on its first start, so no well-known
 * default exists). When it is on, each call must carry {@code Authorization: Bearer <token>}.
 */
public class AdminAccess {

    public static final String PATH_PREFIX = "/admin";

    private final Optional<byte[]> expectedAuthorization;

    AdminAccess(@ConfigProperty(name = "platform.admin.token") Optional<String> token,
            @ConfigProperty(name = "platform.admin.token-file") Optional<Path> tokenFile) {
        this.expectedAuthorization = configuredToken(token, tokenFile)
                .map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself if it is set, otherwise the token file's content; empty: the admin API is off. */
    static Optional<String> configuredToken(Optional<String> token, Optional<Path> tokenFile) {
        return token.filter(value -> !value.isBlank()).or(() -> tokenFile.map(AdminAccess::read));
    }

    /** A configured file that cannot be read, or is empty, stops the start: the operator asked for a token. */
    private static String read(Path tokenFile) {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("platform.admin.token-file " + tokenFile + " cannot be read", unreadable);
        }
        if (token.isEmpty()) {
            throw new IllegalStateException("platform.admin.token-file " + tokenFile + " is empty");
        }
        return token;
    }

    /**
     * Before the request is matched to a resource, so that no {@code /admin} path, not even an unknown
     * one or an {@code OPTIONS} (which {@code AllowedMethods} answers), says anything without the token.
     */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(PATH_PREFIX) && !path.startsWith(PATH_PREFIX + "/")) {
            return Optional.empty();
        }
        if (expectedAuthorization.isEmpty()) {
            return Optional.of(ProblemResponses.of(404, "admin-disabled", "The admin API is disabled",
                    "set platform.admin.token (env PLATFORM_ADMIN_TOKEN) to switch faults and fixes at runtime", List.of()));
        }
        String presented = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // Compared in constant time, so response timing does not reveal how much of a guess was right.
        if (presented == null || !MessageDigest.isEqual(expectedAuthorization.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ProblemResponses.of(401, "admin-unauthorized", "The admin token is missing or wrong",
                    "send Authorization: Bearer <platform.admin.token>",
                    List.of(new Problem.FieldError(HttpHeaders.AUTHORIZATION, "must carry the admin token")),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer")));
        }
        return Optional.empty();
    }
}
