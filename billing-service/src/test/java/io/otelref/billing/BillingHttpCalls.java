package io.otelref.billing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import io.otelref.testing.TraceParent;

/** The HTTP calls the tests make; amounts are read back as BigDecimal so that their scale is checked too. */
final class BillingHttpCalls {

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private BillingHttpCalls() {
    }

    static RequestSpecification request() {
        return given().config(EXACT_NUMBERS);
    }

    static RequestSpecification request(TraceParent trace) {
        return request().header("traceparent", trace.headerValue());
    }

    static Response authorize(UUID orderId, String accountId, String amount) {
        return authorize(request(), orderId, accountId, amount);
    }

    static Response authorize(RequestSpecification request, UUID orderId, String accountId, String amount) {
        return request.contentType(ContentType.JSON)
                .body("""
                        {"orderId":"%s","accountId":"%s","amount":%s,"currency":"EUR"}""".formatted(orderId, accountId, amount))
                .post("/api/payments/authorizations");
    }

    static Response createInvoice(UUID orderId) {
        return createInvoice(request(), orderId);
    }

    static Response createInvoice(UUID orderId, String idempotencyKey) {
        return createInvoice(request().header("Idempotency-Key", idempotencyKey), orderId);
    }

    static Response createInvoice(RequestSpecification request, UUID orderId) {
        return request.contentType(ContentType.JSON)
                .body("""
                        {"orderId":"%s"}""".formatted(orderId))
                .post("/api/invoices");
    }
}
