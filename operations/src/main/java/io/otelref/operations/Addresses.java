package io.otelref.operations;

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

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
