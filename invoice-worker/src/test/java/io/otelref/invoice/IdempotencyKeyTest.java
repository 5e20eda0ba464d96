package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.otelref.invoice.config.WorkerFixes;
import io.otelref.testing.TopicTail;
import io.otelref.testing.TraceParent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.specification.RequestSpecification;

/**
 * The duplicate-delivery fix: the Idempotency-Key of createInvoice, as the billing stub received it on
 * each of three attempts (two answered 503, retried by the client's fault tolerance).
 */
@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class IdempotencyKeyTest {

    @Inject
    BillingStub billing;

    @Inject
    WorkerFixes fixes;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private TopicTail invoicesCreated;

    @BeforeEach
    void openTail() {
        invoicesCreated = KafkaTestClients.KAFKA.tail(KafkaTestClients.INVOICES_CREATED);
    }

    @AfterEach
    void reset() {
        admin().post("/admin/reset").then().statusCode(204);
        invoicesCreated.close();
        // The failed attempts made here must not count towards opening the breaker in later tests.
        circuitBreakers.resetAll();
    }

    @Test
    void withTheFixEveryAttemptCarriesTheOrderIdAsItsKey() {
        String orderId = UUID.randomUUID().toString();

        List<String> keys = idempotencyKeysOfThreeAttempts(orderId);

        assertEquals(List.of(orderId, orderId, orderId), keys);
    }

    @Test
    void withoutTheFixEveryAttemptMintsAKeyOfItsOwn() {
        admin().contentType("application/json").body("{\"idempotencyKeyPerOrder\":false}")
                .put("/admin/fixes").then().statusCode(200).body("idempotencyKeyPerOrder", equalTo(false));

        String orderId = UUID.randomUUID().toString();

        List<String> keys = idempotencyKeysOfThreeAttempts(orderId);

        assertEquals(3, new HashSet<>(keys).size(), () -> "keys: " + keys);
        assertFalse(keys.contains(orderId), () -> "keys: " + keys);
        assertTrue(keys.stream().allMatch(IdempotencyKeyTest::isUuid), () -> "keys: " + keys);
    }

    @Test
    void resetRestoresTheConfiguredFix() {
        admin().contentType("application/json").body("{\"idempotencyKeyPerOrder\":false}").put("/admin/fixes").then().statusCode(200);
        assertFalse(fixes.idempotencyKeyPerOrder());

        admin().post("/admin/reset").then().statusCode(204);

        admin().get("/admin/fixes").then().statusCode(200).body("idempotencyKeyPerOrder", equalTo(true));
    }

    @Test
    void aFixesBodyWithoutTheSwitchIsRejectedNamingIt() {
        admin().contentType("application/json").body("{}").put("/admin/fixes").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("idempotencyKeyPerOrder"));
    }

    /** Processes an order whose first two createInvoice calls fail, and returns the keys of the three calls. */
    private List<String> idempotencyKeysOfThreeAttempts(String orderId) {
        billing.failNextCalls(orderId, 2);

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());

        invoicesCreated.awaitRecords(orderId, 1);
        List<String> keys = billing.idempotencyKeysFor(orderId);
        assertEquals(3, keys.size(), () -> "keys: " + keys);
        return keys;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
