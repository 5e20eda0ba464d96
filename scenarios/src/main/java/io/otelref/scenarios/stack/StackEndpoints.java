package io.otelref.scenarios.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the running stack is. The defaults are the addresses {@code ./demo up} uses; each can be moved with
 * an environment variable, which is how the same scenarios reach another deployment.
 *
 * @param otlp       OTLP/HTTP base URL the load generator exports its spans to, so traces start at the user
 * @param adminToken the bearer token of the services' admin API ({@code PLATFORM_ADMIN_TOKEN}, or the content of
 *                   the file {@code PLATFORM_ADMIN_TOKEN_FILE} names, as the services read it); without it no
 *                   fault can be switched
 */
public record StackEndpoints(
        Map<Service, URI> services,
        URI jaeger,
        URI prometheus,
        URI victoriaLogs,
        URI otlp,
        String kafkaBootstrapServers,
        Optional<String> adminToken) {

    public static StackEndpoints fromEnvironment() {
        return from(System.getenv());
    }

    /** The stack as environment variables {@code env} describe it; unset ones take the defaults. */
    public static StackEndpoints from(Map<String, String> env) {
        return new StackEndpoints(
                Map.of(Service.CHECKOUT, uri(env, "CHECKOUT_URL", "http://127.0.0.1:8080"),
                        Service.BILLING, uri(env, "BILLING_URL", "http://127.0.0.1:8081"),
                        Service.WORKER, uri(env, "WORKER_URL", "http://127.0.0.1:8082")),
                uri(env, "JAEGER_URL", "http://127.0.0.1:16686"),
                uri(env, "PROMETHEUS_URL", "http://127.0.0.1:9090"),
                uri(env, "VICTORIALOGS_URL", "http://127.0.0.1:9428"),
                uri(env, "OTLP_HTTP_URL", "http://127.0.0.1:4318"),
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
                adminToken(env));
    }

    private static Optional<String> adminToken(Map<String, String> env) {
        return Optional.ofNullable(env.get("PLATFORM_ADMIN_TOKEN")).filter(token -> !token.isBlank())
                .or(() -> Optional.ofNullable(env.get("PLATFORM_ADMIN_TOKEN_FILE")).filter(file -> !file.isBlank())
                        .map(file -> read(Path.of(file))));
    }

    private static String read(Path tokenFile) {
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("PLATFORM_ADMIN_TOKEN_FILE " + tokenFile + " cannot be read", unreadable);
        }
    }

    public URI service(Service service) {
        return services.get(service);
    }

    private static URI uri(Map<String, String> env, String name, String fallback) {
        return URI.create(env.getOrDefault(name, fallback));
    }
}
