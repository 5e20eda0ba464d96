package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static io.otelref.billing.BillingHttpCalls.request;
import static io.otelref.testing.TraceView.named;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.simulation.GatewaySimulation;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Giving back the money held for an order that was never placed. */
@QuarkusTest
class VoidAuthorizationTest {

    /** acc-0991 … acc-1000 may hold 100.00 EUR at most (V2 seed data). */
    private static final String TIGHT_ACCOUNT = "acc-0999";

    @Inject
    GatewaySimulation gateway;

    @Inject
    BillingFixes fixes;

    @Inject
    InMemorySpanExporter spans;

    @AfterEach
    void reset() {
        gateway.reset();
        fixes.reset();
    }

    @Test
    void aVoidFreesTheCreditOnceAtTheGatewayAndIsTraced() {
        UUID orphan = UUID.randomUUID();
        authorize(orphan, TIGHT_ACCOUNT, "80.00").then().statusCode(201);
        authorize(UUID.randomUUID(), TIGHT_ACCOUNT, "80.00").then().statusCode(402);
        long gatewayCallsBefore = gateway.calls();
        TraceParent trace = TraceParent.random();

        voidPayment(request(trace), orphan).then().statusCode(200)
                .body("orderId", equalTo(orphan.toString()))
                .body("status", equalTo("VOIDED"));
        voidPayment(request(), orphan).then().statusCode(200).body("status", equalTo("VOIDED"));

        assertEquals(1, gateway.calls() - gatewayCallsBefore, "the gateway released the hold once");
        authorize(UUID.randomUUID(), TIGHT_ACCOUNT, "80.00").then().statusCode(201);
        TraceView view = TraceView.awaitSpan(spans, trace.traceId(), named("billing.void_authorization"));
        SpanData voided = view.one(named("billing.void_authorization"));
        assertEquals(orphan.toString(), voided.getAttributes().get(AppAttributes.ORDER_ID));
        assertEquals(TIGHT_ACCOUNT, voided.getAttributes().get(AppAttributes.ACCOUNT_ID));
        assertEquals("voided", voided.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));
    }

    @Test
    void theSameOrderCanBeAuthorizedAgainAfterItsVoidButNotInvoiced() {
        UUID orderId = UUID.randomUUID();
        authorize(orderId, "acc-0401", "12.00").then().statusCode(201);
        voidPayment(request(), orderId).then().statusCode(200);

        BillingHttpCalls.createInvoice(orderId).then().statusCode(409).body("type", equalTo(problem("authorization-voided")));
        authorize(orderId, "acc-0401", "12.00").then().statusCode(201).body("status", equalTo("AUTHORIZED"));
        BillingHttpCalls.createInvoice(orderId).then().statusCode(201);
    }

    @Test
    void thereIsNothingToVoidForAnUnknownOrderNorForAnInvoicedOne() {
        voidPayment(request(), UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(problem("unknown-order")));

        UUID invoiced = UUID.randomUUID();
        authorize(invoiced, "acc-0402", "15.00").then().statusCode(201);
        BillingHttpCalls.createInvoice(invoiced).then().statusCode(201);
        voidPayment(request(), invoiced).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(problem("authorization-captured")));
    }

    @Test
    void aGatewayThatCannotReleaseTheHoldLeavesTheAuthorizationOpenAnd503() {
        UUID orderId = UUID.randomUUID();
        authorize(orderId, "acc-0403", "15.00").then().statusCode(201);
        gateway.failNext(10);

        voidPayment(request(), orderId).then().statusCode(503).header("Retry-After", "5");
        gateway.reset();
        voidPayment(request(), orderId).then().statusCode(200).body("status", equalTo("VOIDED"));
    }

    private static Response voidPayment(RequestSpecification request, UUID orderId) {
        return request.post("/api/payments/authorizations/" + orderId + "/void");
    }

    private static String problem(String slug) {
        return "https://otel-reference.dev/problems/" + slug;
    }
}
