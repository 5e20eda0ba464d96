package io.otelref.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the running stack is: the addresses {@code ./demo up} uses, each movable by the environment
 * variable the services and the scenario runner read too.
 */
public final class Addresses {

    private Addresses() {
    }

    public static String kafkaBootstrapServers() {
        return env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    }

    public static URI checkout() {
        return URI.create(env("CHECKOUT_URL", "http://127.0.0.1:8080"));
    }

    public static URI billing() {
        return URI.create(env("BILLING_URL", "http://127.0.0.1:8081"));
    }

    public static URI otlp() {
        return URI.create(env("OTLP_HTTP_URL", "http://127.0.0.1:4318"));
    }

    public static URI prometheus() {
        return URI.create(env("PROMETHEUS_URL", "http://127.0.0.1:9090"));
    }

    public static Database checkoutDatabase() {
        return new Database(env("CHECKOUT_DB_URL", "jdbc:postgresql://127.0.0.1:15432/checkout"),
                env("CHECKOUT_DB_USER", "checkout"), env("CHECKOUT_DB_PASSWORD", "checkout"));
    }

    public static Database billingDatabase() {
        return new Database(env("BILLING_DB_URL", "jdbc:postgresql://127.0.0.1:15432/billing"),
                env("BILLING_DB_USER", "billing"), env("BILLING_DB_PASSWORD", "billing"));
    }

    /** The checkout whose infra/ scripts run the stack: OTELREF_REPO_ROOT, or the nearest parent that has them. */
    public static Path repoRoot() {
        String configured = System.getenv("OTELREF_REPO_ROOT");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/services.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/services.sh here or above: run from the checkout, or set OTELREF_REPO_ROOT");
    }

    /** The services' admin API token: PLATFORM_ADMIN_TOKEN, or the one ./demo up made in .demo/admin-token. */
    public static Optional<String> adminToken() {
        String token = System.getenv("PLATFORM_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            return Optional.of(token);
        }
        Path file = repoRoot().resolve(".demo/admin-token");
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public record Database(String url, String user, String password) {
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
