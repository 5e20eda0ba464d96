package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static io.otelref.billing.BillingHttpCalls.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.domain.PaymentAuthorization;
import io.otelref.billing.repository.PaymentAuthorizationRepository;
import io.otelref.billing.simulation.GatewaySimulation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PaymentAuthorizationResourceTest {

    @Inject
    GatewaySimulation simulation;

    @Inject
    BillingFixes fixes;

    @Inject
    PaymentAuthorizationRepository authorizations;

    @AfterEach
    void resetRuntimeSwitches() {
        simulation.reset();
        fixes.reset();
    }

    @Test
    void authorizesAndAnswersTheAuthorization() {
        UUID orderId = UUID.randomUUID();

        authorize(orderId, "acc-0001", "25.00").then()
                .statusCode(201)
                .body("authorizationId", notNullValue())
                .body("orderId", equalTo(orderId.toString()))
                .body("accountId", equalTo("acc-0001"))
                .body("amount", equalTo(new BigDecimal("25.00")))
                .body("currency", equalTo("EUR"))
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void replayingAnOrderReturnsTheFirstAuthorizationAndChangesNothing() {
        UUID orderId = UUID.randomUUID();
        String first = authorize(orderId, "acc-0002", "30.00").then().statusCode(201).extract().path("authorizationId");

        authorize(orderId, "acc-0002", "30.0").then()
                .statusCode(200)
                .body("authorizationId", equalTo(first))
                .body("status", equalTo("AUTHORIZED"));

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> authorizations.count("orderId", orderId)));
    }

    @Test
    void replayingAnOrderWithOtherDetailsIsAConflictNamingThem() {
        UUID orderId = UUID.randomUUID();
        authorize(orderId, "acc-0003", "30.00").then().statusCode(201);

        authorize(orderId, "acc-0004", "31.00").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/authorization-conflict"))
                .body("errors.field", contains("accountId", "amount"));

        PaymentAuthorization stored = QuarkusTransaction.requiringNew().call(() -> authorizations.findByOrderId(orderId)).orElseThrow();
        assertEquals("acc-0003", stored.accountId);
        assertEquals(new BigDecimal("30.00"), stored.amount);
    }

    @Test
    void anAmountAboveTheAvailableCreditIsDeclinedAndNothingIsStored() {
        authorize(UUID.randomUUID(), "acc-0991", "60.00").then().statusCode(201);
        UUID declinedOrder = UUID.randomUUID();

        authorize(declinedOrder, "acc-0991", "50.00").then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("type", endsWith("/payment-declined"))
                .body("detail", containsString("available credit of 40.00 EUR"))
                .body("errors.field", contains("amount"));

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> authorizations.count("orderId", declinedOrder)));
    }

    @Test
    void unknownAccountIsANotFoundProblemNamingTheAccount() {
        authorize(UUID.randomUUID(), "acc-9999", "10.00").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-account"))
                .body("errors.field", contains("accountId"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"orderId":"not-a-uuid","accountId":"acc-0001","amount":10.00,"currency":"EUR"}  | orderId
            {"accountId":"acc-0001","amount":10.00,"currency":"EUR"}                         | orderId
            {"orderId":"%s","accountId":"ACC-1","amount":10.00,"currency":"EUR"}             | accountId
            {"orderId":"%s","amount":10.00,"currency":"EUR"}                                 | accountId
            {"orderId":"%s","accountId":"acc-0001","amount":0,"currency":"EUR"}              | amount
            {"orderId":"%s","accountId":"acc-0001","amount":-5.00,"currency":"EUR"}          | amount
            {"orderId":"%s","accountId":"acc-0001","amount":1000000.01,"currency":"EUR"}     | amount
            {"orderId":"%s","accountId":"acc-0001","amount":10.001,"currency":"EUR"}         | amount
            {"orderId":"%s","accountId":"acc-0001","amount":"10.00","currency":"EUR"}        | amount
            {"orderId":"%s","accountId":"acc-0001","currency":"EUR"}                         | amount
            {"orderId":"%s","accountId":"acc-0001","amount":10.00,"currency":"USD"}          | currency
            {"orderId":"%s","accountId":"acc-0001","amount":10.00}                           | currency
            {"orderId":"%s","accountId":"acc-0001","amount":10.00,"currency":"EUR"           | body
            """)
    void invalidRequestIsABadRequestProblemNamingTheField(String template, String field) {
        UUID orderId = UUID.randomUUID();

        request().contentType(ContentType.JSON).body(template.formatted(orderId))
                .post("/api/payments/authorizations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> authorizations.count("orderId", orderId)));
    }

    @Test
    void missingBodyIsABadRequestProblemNamingTheBody() {
        request().contentType(ContentType.JSON).post("/api/payments/authorizations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("body"));
    }

    /**
     * Six authorizations of 25.00 race for the 100.00 EUR credit of one account: exactly four fit,
     * whether the lock is held across the gateway call or released before it.
     */
    @ParameterizedTest(name = "release lock before gateway: {0}")
    @CsvSource({ "false, acc-0992", "true, acc-0993" })
    void concurrentAuthorizationsNeverExceedTheCreditLimit(boolean releaseLockBeforeGateway, String accountId) throws Exception {
        fixes.releaseLockBeforeGateway(releaseLockBeforeGateway);
        simulation.change(simulation.behaviour().withFixedLatency(Duration.ofMillis(50)));

        List<Integer> statuses = Concurrently.call(6, () -> authorize(UUID.randomUUID(), accountId, "25.00").statusCode());

        assertEquals(4, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
        assertEquals(2, statuses.stream().filter(status -> status == 402).count(), statuses::toString);
        assertEquals(new BigDecimal("100.00"), QuarkusTransaction.requiringNew().call(() -> authorizations.openAmount(accountId)));
    }
}
