package io.otelref.platform.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemResponses;

/**
 * Guards every {@code /admin/…} endpoint, where faults and fixes are switched at runtime. The admin
 * API is off unless {@code platform.admin.token} is set (env {@code PLATFORM_ADMIN_TOKEN}); when it is
 * on, each call must carry {@code Authorization: Bearer <token>}.
 */
public class AdminAccess {

    public static final String PATH_PREFIX = "/admin";

    private final Optional<byte[]> expectedAuthorization;

    AdminAccess(@ConfigProperty(name = "platform.admin.token") Optional<String> token) {
        this.expectedAuthorization = token.filter(value -> !value.isBlank())
                .map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
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
