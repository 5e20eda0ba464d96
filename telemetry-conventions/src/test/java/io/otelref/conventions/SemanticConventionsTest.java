package io.otelref.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.otelref.telemetry.attributes.LogRecordAttributes;

class SemanticConventionsTest {

    private static final SemanticConventions CONVENTIONS = SemanticConventions.load();

    @Test
    void readsTheArtifactVersionsThePomPins() {
        // A dependencyManagement import (the Quarkus BOM manages 1.37.0) must not swap the registry quietly.
        assertEquals(System.getProperty("semconv-registry.version"), CONVENTIONS.stableVersion());
        assertEquals(System.getProperty("semconv-registry-incubating.version"), CONVENTIONS.incubatingVersion());
        System.out.println("registry: " + CONVENTIONS.describe());
    }

    @Test
    void holdsStableIncubatingAndDeprecatedNamesAndTemplates() {
        SemanticConventions.Size keys = CONVENTIONS.keys();
        assertTrue(keys.stable() >= 90, keys::toString);
        assertTrue(keys.incubating() > keys.stable(), keys::toString);
        assertTrue(keys.deprecated() >= 100, keys::toString);
        assertTrue(CONVENTIONS.templates().stable() >= 2, CONVENTIONS.templates()::toString);
    }

    @Test
    void aNameOfTheStableArtifactIsStableThoughTheIncubatingCopyIsDeprecated() {
        // DbIncubatingAttributes.DB_SYSTEM_NAME is @Deprecated in favour of DbAttributes.DB_SYSTEM_NAME: the name lives on.
        assertJudged("db.system.name", Verdict.CURRENT_STABLE, "DbAttributes.DB_SYSTEM_NAME");
        assertJudged("http.request.method", Verdict.CURRENT_STABLE, "HttpAttributes.HTTP_REQUEST_METHOD");
        assertJudged("http.request.resend_count", Verdict.CURRENT_STABLE, "HttpAttributes.HTTP_REQUEST_RESEND_COUNT");
        assertJudged("db.query.text", Verdict.CURRENT_STABLE, "DbAttributes.DB_QUERY_TEXT");
        assertJudged("code.function.name", Verdict.CURRENT_STABLE, "CodeAttributes.CODE_FUNCTION_NAME");
    }

    @Test
    void resourceAttributesAreInTheRegistryToo() {
        assertJudged("service.name", Verdict.CURRENT_STABLE, "ServiceAttributes.SERVICE_NAME");
        assertJudged("telemetry.sdk.language", Verdict.CURRENT_STABLE, "TelemetryAttributes.TELEMETRY_SDK_LANGUAGE");
        assertJudged("deployment.environment.name", Verdict.CURRENT_STABLE, "DeploymentAttributes.DEPLOYMENT_ENVIRONMENT_NAME");
        assertJudged("host.name", Verdict.CURRENT_INCUBATING, "HostIncubatingAttributes.HOST_NAME");
        assertJudged("deployment.environment", Verdict.DEPRECATED, "DeploymentIncubatingAttributes.DEPLOYMENT_ENVIRONMENT is @Deprecated");
    }

    @Test
    void aNameOnlyTheIncubatingArtifactDeclaresIsCurrentIncubating() {
        assertJudged("messaging.system.name", Verdict.CURRENT_INCUBATING, "MessagingIncubatingAttributes.MESSAGING_SYSTEM_NAME");
        assertJudged("messaging.destination.name", Verdict.CURRENT_INCUBATING,
                "MessagingIncubatingAttributes.MESSAGING_DESTINATION_NAME");
        assertJudged("messaging.operation.type", Verdict.CURRENT_INCUBATING, "MessagingIncubatingAttributes.MESSAGING_OPERATION_TYPE");
        assertJudged("messaging.client.id", Verdict.CURRENT_INCUBATING, "MessagingIncubatingAttributes.MESSAGING_CLIENT_ID");
        assertJudged("server.service.name", Verdict.CURRENT_INCUBATING, "ServerIncubatingAttributes.SERVER_SERVICE_NAME");
    }

    @Test
    void theKeysWeEmitTodayAreDeprecatedWithTheirReplacement() {
        Map<String, String> replacements = new TreeMap<>();
        for (String key : List.of("db.statement", "db.system", "peer.service", "code.function", "code.namespace",
                "messaging.operation", "messaging.client_id", "messaging.system")) {
            Judgement judgement = CONVENTIONS.judge(key);
            assertEquals(Verdict.DEPRECATED, judgement.verdict(), judgement::describe);
            replacements.put(key, judgement.replacement().orElseThrow().describe());
        }
        assertEquals("use db.query.text", replacements.get("db.statement"));
        assertEquals("use db.system.name", replacements.get("db.system"));
        assertEquals("use messaging.operation.type", replacements.get("messaging.operation"));
        assertEquals("use messaging.client.id", replacements.get("messaging.client_id"));
        assertTrue(replacements.get("messaging.system").startsWith("use messaging.system.name (kafka stays kafka;"));
        assertEquals("use server.service.name or client.service.name (server.service.name on the client side,"
                + " client.service.name on the server side)", replacements.get("peer.service"));
        assertEquals("DbIncubatingAttributes.DB_STATEMENT is @Deprecated", CONVENTIONS.judge("db.statement").basis());
        // Renamed in semconv 1.26.0 and dropped from the registry: no artifact names it, the table does.
        assertTrue(CONVENTIONS.judge("messaging.client_id").basis().contains("no longer listed"));
    }

    @Test
    void aDeprecatedKeyOutsideTheTableIsStillDeprecatedJustWithoutAReplacement() {
        Judgement judgement = CONVENTIONS.judge("http.method");

        assertEquals(Verdict.DEPRECATED, judgement.verdict());
        assertEquals(Optional.empty(), judgement.replacement());
        assertEquals("HttpIncubatingAttributes.HTTP_METHOD is @Deprecated", judgement.basis());
    }

    @Test
    void everyReplacementInTheTableIsACurrentNameAndEveryKeyInItIsNot() {
        KnownReplacements.all().forEach((key, replacement) -> {
            assertEquals(Verdict.DEPRECATED, CONVENTIONS.judge(key).verdict(), key);
            replacement.keys().forEach(current -> assertTrue(
                    List.of(Verdict.CURRENT_STABLE, Verdict.CURRENT_INCUBATING).contains(CONVENTIONS.judge(current).verdict()),
                    key + " -> " + CONVENTIONS.judge(current).describe()));
        });
    }

    @Test
    void templatesMatchAsPrefixesWithASuffix() {
        assertJudged("http.request.header.content-type", Verdict.CURRENT_STABLE, "template HttpAttributes.HTTP_REQUEST_HEADER");
        assertJudged("http.response.header.x-request-id", Verdict.CURRENT_STABLE, "template HttpAttributes.HTTP_RESPONSE_HEADER");
        assertJudged("process.environment_variable.PATH", Verdict.CURRENT_INCUBATING,
                "template ProcessIncubatingAttributes.PROCESS_ENVIRONMENT_VARIABLE");
        assertEquals(Verdict.UNKNOWN, CONVENTIONS.judge("http.request.header").verdict(), "the prefix alone is no key");
        assertEquals(Verdict.UNKNOWN, CONVENTIONS.judge("http.request.header.").verdict(), "nor with its dot");
    }

    @Test
    void ourOwnKeysAreAppAndAnUndeclaredAppKeyIsUnknown() {
        assertJudged("app.order.id", Verdict.APP, "AppAttributes.ORDER_ID");
        assertJudged("app.synthetic", Verdict.APP, "AppAttributes.SYNTHETIC");
        assertEquals(8, CONVENTIONS.appKeys().size(), CONVENTIONS.appKeys()::toString);

        Judgement undeclared = CONVENTIONS.judge("app.order.total");
        assertEquals(Verdict.UNKNOWN, undeclared.verdict());
        assertTrue(undeclared.basis().startsWith("an app.* key AppAttributes does not declare"), undeclared.basis());
    }

    @Test
    void theConventionsOwnAppNamespaceIsJudgedLikeAnyOtherAndNoneOfOurKeysIsInIt() {
        assertJudged("app.screen.id", Verdict.CURRENT_INCUBATING, "AppIncubatingAttributes.APP_SCREEN_ID");
        // A registry bump that claims one of our names must be noticed: rename ours then.
        CONVENTIONS.appKeys().keySet().forEach(key -> assertTrue(
                CONVENTIONS.names(Verdict.CURRENT_STABLE).stream().noneMatch(key::equals)
                        && CONVENTIONS.names(Verdict.CURRENT_INCUBATING).stream().noneMatch(key::equals)
                        && CONVENTIONS.names(Verdict.DEPRECATED).stream().noneMatch(key::equals),
                key + " is also a semantic-convention name"));
    }

    @Test
    void everyLogRecordAttributeWeKeepIsACurrentNameAndWhatTheCollectorDropsIsNot() {
        LogRecordAttributes.KEPT.forEach(key -> {
            Judgement judgement = CONVENTIONS.judge(key.getKey());
            assertTrue(judgement.verdict() == Verdict.CURRENT_STABLE || judgement.verdict() == Verdict.CURRENT_INCUBATING,
                    judgement::describe);
        });
        // What Quarkus's log handler writes besides (LogRecordAttributes says why the collector drops them).
        for (String dropped : List.of("log.logger.namespace", "bridge.name", "parentId")) {
            assertEquals(Verdict.UNKNOWN, CONVENTIONS.judge(dropped).verdict(), dropped);
        }
    }

    @Test
    void anythingElseIsUnknownNamingTheVersionsLookedThrough() {
        Judgement judgement = CONVENTIONS.judge("retry.attempt");

        assertEquals(Verdict.UNKNOWN, judgement.verdict());
        assertEquals("not in " + CONVENTIONS.versions(), judgement.basis());
        assertTrue(CONVENTIONS.versions().startsWith("opentelemetry-semconv " + CONVENTIONS.stableVersion()));
    }

    private static void assertJudged(String key, Verdict verdict, String basis) {
        Judgement judgement = CONVENTIONS.judge(key);
        assertEquals(verdict, judgement.verdict(), judgement::describe);
        assertEquals(basis, judgement.basis(), judgement::describe);
    }
}
