package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static io.otelref.billing.BillingHttpCalls.createInvoice;
import static io.otelref.billing.BillingHttpCalls.request;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import org.junit.jupiter.params.provider.ValueSource;

import io.otelref.billing.simulation.CaptureLedger;
import io.otelref.billing.simulation.GatewaySimulation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.response.Response;

@QuarkusTest
class InvoiceResourceTest {

    @Inject
    GatewaySimulation simulation;

    @Inject
    CaptureLedger ledger;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @AfterEach
    void resetSimulation() {
        simulation.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void invoicesAnAuthorizedOrderByCapturingItsPayment() {
        UUID orderId = authorizedOrder("acc-0201", "42.50");
        long chargesBefore = ledger.charges();

        String captureReference = createInvoice(orderId).then()
                .statusCode(201)
                .body("invoiceId", notNullValue())
                .body("orderId", equalTo(orderId.toString()))
                .body("accountId", equalTo("acc-0201"))
                .body("amount", equalTo(new BigDecimal("42.50")))
                .body("currency", equalTo("EUR"))
                .body("createdAt", notNullValue())
                .extract().path("gatewayReference");

        assertEquals(chargesBefore + 1, ledger.charges());
        assertEquals(captureReference, ledger.find(orderId.toString()).orElseThrow().capture().captureReference());
    }

    @Test
    void replayingAnInvoiceReturnsTheSameInvoiceWithoutCallingTheGatewayAgain() {
        UUID orderId = authorizedOrder("acc-0202", "10.00");
        String invoiceId = createInvoice(orderId).then().statusCode(201).extract().path("invoiceId");

        createInvoice(orderId).then().statusCode(200).body("invoiceId", equalTo(invoiceId));
        createInvoice(orderId).then().statusCode(200).body("invoiceId", equalTo(invoiceId));

        assertEquals(1, ledger.find(orderId.toString()).orElseThrow().requests());
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then()
                .statusCode(200)
                .body("invoiceId", contains(invoiceId));
    }

    /** All four requests pass the "already invoiced?" check before any of them stores its invoice. */
    @Test
    void concurrentRequestsForOneOrderCreateOneInvoiceAndOneCharge() throws Exception {
        UUID orderId = authorizedOrder("acc-0203", "15.00");
        simulation.change(simulation.behaviour().withFixedLatency(Duration.ofMillis(200)));
        long chargesBefore = ledger.charges();

        List<Response> responses = Concurrently.call(4, () -> createInvoice(orderId));

        assertEquals(1, responses.stream().filter(response -> response.statusCode() == 201).count());
        assertEquals(3, responses.stream().filter(response -> response.statusCode() == 200).count());
        assertEquals(1, responses.stream().map(response -> response.path("invoiceId")).distinct().count());
        assertEquals(chargesBefore + 1, ledger.charges());
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].gatewayReference", equalTo(ledger.find(orderId.toString()).orElseThrow().capture().captureReference()));
    }

    @Test
    void aGatewayThatStaysDownLeavesTheOrderUninvoicedUntilARetrySucceeds() {
        UUID orderId = authorizedOrder("acc-0204", "12.00");
        simulation.change(simulation.behaviour().withErrorRate(1.0));

        createInvoice(orderId).then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", endsWith("/dependency-unavailable"));
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then().body("", empty());

        simulation.reset();
        createInvoice(orderId).then().statusCode(201);
    }

    @Test
    void anInvoicedAuthorizationNoLongerUsesUpCredit() {
        UUID first = authorizedOrder("acc-0994", "100.00");
        authorize(UUID.randomUUID(), "acc-0994", "100.00").then().statusCode(402);

        createInvoice(first).then().statusCode(201);

        authorize(UUID.randomUUID(), "acc-0994", "100.00").then().statusCode(201);
    }

    @Test
    void theSameIdempotencyKeyTwiceIssuesOneInvoiceAndOneCharge() {
        UUID orderId = authorizedOrder("acc-0205", "11.00");
        String key = "attempt-" + UUID.randomUUID();
        long chargesBefore = ledger.charges();

        String invoiceId = createInvoice(orderId, key).then().statusCode(201).extract().path("invoiceId");
        createInvoice(orderId, key).then().statusCode(200).body("invoiceId", equalTo(invoiceId));

        assertEquals(chargesBefore + 1, ledger.charges());
        assertEquals(1, ledger.find(key).orElseThrow().requests(), "the capture was made under the caller's key");
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyCreateOneInvoice() throws Exception {
        UUID orderId = authorizedOrder("acc-0206", "13.00");
        String key = "attempt-" + UUID.randomUUID();
        simulation.change(simulation.behaviour().withFixedLatency(Duration.ofMillis(200)));

        List<Response> responses = Concurrently.call(4, () -> createInvoice(orderId, key));

        assertEquals(1, responses.stream().filter(response -> response.statusCode() == 201).count());
        assertEquals(1, responses.stream().map(response -> response.path("invoiceId")).distinct().count());
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then().body("", hasSize(1));
    }

    /** What a caller that mints a key per attempt does: the duplicate-delivery scenario. */
    @Test
    void twoIdempotencyKeysForOneOrderIssueTwoInvoicesListedOldestFirst() {
        UUID orderId = authorizedOrder("acc-0207", "14.00");
        long chargesBefore = ledger.charges();

        String first = createInvoice(orderId, "attempt-1-" + orderId).then().statusCode(201).extract().path("invoiceId");
        String second = createInvoice(orderId, "attempt-2-" + orderId).then().statusCode(201).extract().path("invoiceId");

        assertEquals(chargesBefore + 2, ledger.charges(), "each invoice captured the money again");
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then()
                .statusCode(200)
                .body("invoiceId", contains(first, second));
    }

    @Test
    void anIdempotencyKeyOfAnotherOrderIsAnUnprocessableProblemNamingTheHeader() {
        UUID invoiced = authorizedOrder("acc-0208", "15.00");
        UUID other = authorizedOrder("acc-0208", "16.00");
        String key = "attempt-" + UUID.randomUUID();
        createInvoice(invoiced, key).then().statusCode(201);

        createInvoice(other, key).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/idempotency-key-conflict"))
                .body("errors.field", contains("Idempotency-Key"));
        request().queryParam("orderId", other.toString()).get("/api/invoices").then().body("", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "has space", "semi;colon", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
    void aMalformedIdempotencyKeyIsABadRequestProblemNamingTheHeader(String key) {
        UUID orderId = authorizedOrder("acc-0209", "17.00");

        createInvoice(orderId, key).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"));
        request().queryParam("orderId", orderId.toString()).get("/api/invoices").then().body("", empty());
    }

    /** Beyond the 1 s that authorizations wait: a capture that takes 1.5 s still succeeds, on the first attempt. */
    @Test
    void aSlowCaptureIsWaitedForRatherThanRetried() {
        UUID orderId = authorizedOrder("acc-0210", "18.00");
        simulation.change(simulation.behaviour().withSlowCaptures(1.0, Duration.ofMillis(1500)));

        createInvoice(orderId).then().statusCode(201);

        assertEquals(1, ledger.find(orderId.toString()).orElseThrow().requests());
    }

    @Test
    void anOrderWithoutAuthorizationIsANotFoundProblemNamingTheOrder() {
        createInvoice(UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-order"))
                .body("errors.field", contains("orderId"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"orderId\":\"12345\"}", "{}", "{\"orderId\":null}" })
    void invalidInvoiceRequestIsABadRequestProblemNamingTheOrder(String body) {
        request().contentType(ContentType.JSON).body(body).post("/api/invoices").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("orderId"));
    }

    @Test
    void anOrderWithoutInvoiceHasAnEmptyList() {
        request().queryParam("orderId", UUID.randomUUID().toString()).get("/api/invoices").then()
                .statusCode(200)
                .body("", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not-a-uuid" })
    void listingWithoutAValidOrderIdIsABadRequestProblemNamingIt(String orderId) {
        (orderId.isEmpty() ? request() : request().queryParam("orderId", orderId)).get("/api/invoices").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("orderId"));
    }

    private static UUID authorizedOrder(String accountId, String amount) {
        UUID orderId = UUID.randomUUID();
        authorize(orderId, accountId, amount).then().statusCode(201);
        return orderId;
    }
}
