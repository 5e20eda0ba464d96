package io.otelref.checkout;

import static io.otelref.testing.TraceView.named;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.checkout.repository.OrderRepository;
import io.otelref.checkout.service.OrphanedPayments;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.DatabaseOutage;
import io.otelref.testing.ExportedMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No money left hanging: a checkout that fails after billing authorized its payment (here: the database goes
 * away while billing answers) leaves a payment hold, and the hold's payment is voided at billing once it is
 * older than checkout.payment.orphan-after (8 s in tests), in a trace of its own, counted by outcome.
 */
@QuarkusTest
class OrphanedPaymentTest {

    @Inject
    BillingStub billing;

    @Inject
    OrderRepository orders;

    @Inject
    EntityManager entityManager;

    @Inject
    ExportedMetrics metrics;

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @BeforeEach
    void resetBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
    }

    @Test
    void thePaymentOfACheckoutThatFailedAfterBillingSaidYesIsVoided() throws Exception {
        double voidedBefore = orphans("voided");
        billing.authorizationLatency = Duration.ofMillis(2500);
        CompletableFuture<Integer> checkout = CompletableFuture.supplyAsync(() -> checkout("acc-0510"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> billing.authorizationCalls.get() == 1);

        try (DatabaseOutage outage = DatabaseOutage.begin(databaseUrl, databaseUser, databasePassword)) {
            assertEquals(503, checkout.get().intValue(), "the order could not be stored after billing authorized it");
        }
        UUID orphan = billing.authorized.keySet().iterator().next();
        assertEquals(1, holds(orphan), "the hold stays until its payment is voided");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> billing.voided.contains(orphan));
        assertTrue(billing.authorized.isEmpty(), "billing holds nothing any more");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> holds(orphan) == 0);
        assertEquals(1.0, orphans("voided") - voidedBefore);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> orders.findById(orphan)) == null, "the order was never stored");
        SpanData voiding = Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                () -> spans.getFinishedSpanItems().stream().filter(named("checkout.void_orphaned_payment"))
                        .filter(span -> orphan.toString().equals(span.getAttributes().get(AppAttributes.ORDER_ID)))
                        .findFirst().orElse(null),
                span -> span != null);
        assertEquals("voided", voiding.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));
        assertEquals("0000000000000000", voiding.getParentSpanId(), "a trace of its own");
    }

    @Test
    void aPlacedOrDeclinedCheckoutLeavesNoHoldAndNothingIsVoided() throws Exception {
        billing.decliningAccounts.add("acc-0512");
        assertEquals(201, checkout("acc-0511"));
        assertEquals(402, checkout("acc-0512"));

        assertEquals(2, billing.authorizationRequests.size());
        billing.authorizationRequests.keySet().forEach(orderId ->
                assertEquals(0, holds(orderId), "the order's transaction, or the refusal, removed its hold"));
        Thread.sleep(9000);
        assertEquals(0, billing.voidCalls.get());
    }

    @Test
    void aHoldWhoseAuthorizationNeverHappenedIsForgottenAsNothingHeld() {
        double nothingHeldBefore = orphans("nothing_held");
        billing.authorizationFailuresToServe.set(100);

        assertEquals(503, checkout("acc-0513"));
        UUID orderId = billing.authorizationRequests.keySet().iterator().next();
        assertEquals(1, holds(orderId), "billing may have authorized it: the hold stays until billing says");
        billing.authorizationFailuresToServe.set(0);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> holds(orderId) == 0);
        assertEquals(1.0, orphans("nothing_held") - nothingHeldBefore);
    }

    private static int checkout(String accountId) {
        return given().contentType("application/json")
                .body("{\"accountId\":\"" + accountId + "\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().extract().statusCode();
    }

    private long holds(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM payment_hold WHERE order_id = :orderId")
                .setParameter("orderId", orderId).getSingleResult()).longValue());
    }

    private double orphans(String outcome) {
        return metrics.counter(OrphanedPayments.METRIC, Attributes.of(CheckoutMetrics.OUTCOME, outcome));
    }
}
