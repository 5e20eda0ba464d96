package io.otelref.conventions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The replacements of the deprecated keys this system's instrumentation is known to emit today.
 *
 * <p>Why a table: the semconv artifacts mark a deprecated constant with {@code @Deprecated}, which is
 * visible at run time, but name its replacement only in the javadoc ({@code @deprecated Replaced by
 * {@code db.query.text}.}), which is not in the class files. So these are copied from the javadoc of
 * {@code opentelemetry-semconv-incubating} 1.45.0-alpha (its {@code -sources} jar on Maven Central;
 * {@code DbIncubatingAttributes}, {@code PeerIncubatingAttributes}, {@code CodeIncubatingAttributes},
 * {@code MessagingIncubatingAttributes}), except {@code messaging.client_id}, see below.
 *
 * <p>Which keys: those the issue lists as emitted today ({@code db.statement}, {@code db.system},
 * {@code peer.service}, {@code code.function}, {@code messaging.operation}, {@code messaging.client_id});
 * {@code messaging.system}, on every Kafka span and in the captured Jaeger fixtures (current in the 1.37
 * the services build with, deprecated by 1.45); and those the instrumentation libraries we run emit beside
 * them in their default (old-conventions) mode: {@code code.namespace} next to {@code code.function}
 * ({@code CodeAttributesExtractor}, which opentelemetry-jdbc uses for its {@code DataSource.getConnection}
 * spans), and {@code db.name}, {@code db.operation}, {@code db.sql.table}, {@code db.user} from
 * {@code DbClientAttributesExtractor} / {@code SqlClientAttributesExtractor}
 * (opentelemetry-instrumentation-api-incubator 2.23.0-alpha, the version the Quarkus 3.33.2 BOM manages).
 * A deprecated key that is not here is still judged {@link Verdict#DEPRECATED}, only without a replacement;
 * add it here when it shows up. A test checks that every replacement named here is a current key.
 */
final class KnownReplacements {

    private static final Map<String, Replacement> BY_KEY = Map.ofEntries(
            Map.entry("db.statement", new Replacement(List.of("db.query.text"), "")),
            Map.entry("db.system", new Replacement(List.of("db.system.name"), "")),
            Map.entry("db.name", new Replacement(List.of("db.namespace"), "")),
            Map.entry("db.operation", new Replacement(List.of("db.operation.name"), "")),
            Map.entry("db.sql.table", new Replacement(List.of("db.collection.name"),
                    "only when it is not extracted from db.query.text")),
            Map.entry("db.user", new Replacement(List.of(), "removed, no replacement at this time")),
            Map.entry("peer.service", new Replacement(List.of("server.service.name", "client.service.name"),
                    "server.service.name on the client side, client.service.name on the server side")),
            Map.entry("code.function", new Replacement(List.of("code.function.name"),
                    "a fully-qualified name, class included")),
            Map.entry("code.namespace", new Replacement(List.of("code.function.name"),
                    "the namespace goes into the fully-qualified code.function.name")),
            Map.entry("messaging.operation", new Replacement(List.of("messaging.operation.type"), "")),
            Map.entry("messaging.system", new Replacement(List.of("messaging.system.name"),
                    "kafka stays kafka; aws_sqs, eventgrid, eventhubs, servicebus and gcp_pubsub get dotted names")),
            // Renamed to messaging.client.id in semantic conventions v1.26.0
            // (open-telemetry/semantic-conventions#948). Unlike other renames the old name was then dropped
            // from the registry instead of kept as deprecated, because its generated constant name
            // (MESSAGING_CLIENT_ID) collides with the new one (semantic-conventions#1031), so no artifact
            // version names it at all: without this entry it would be judged UNKNOWN.
            Map.entry("messaging.client_id", new Replacement(List.of("messaging.client.id"), "")));

    /** Keys the conventions renamed and then dropped, so that the artifacts do not list them at all. */
    private static final Map<String, String> DROPPED = Map.of(
            "messaging.client_id", "renamed in semantic conventions v1.26.0 and no longer listed in the registry");

    private KnownReplacements() {
    }

    static Optional<Replacement> of(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** Why a key missing from the artifacts is deprecated rather than unknown, when it is one we know of. */
    static Optional<String> droppedFromRegistry(String key) {
        return Optional.ofNullable(DROPPED.get(key));
    }

    static Map<String, Replacement> all() {
        return BY_KEY;
    }
}
