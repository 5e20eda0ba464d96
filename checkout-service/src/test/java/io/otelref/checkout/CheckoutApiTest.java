package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.otelref.checkout.repository.OrderRepository;
import io.otelref.checkout.stub.BillingStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CheckoutApiTest {

    @Inject
    BillingStub billing;

    @Inject
    OrderRepository orders;

    @BeforeEach
    void resetBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
    }

    @Test
    void placesAnOrderAndReturnsItsLocation() {
        String orderId = given().contentType("application/json")
                .body("""
                        {"accountId":"acc-0001","items":[{"sku":"SKU-0001","quantity":2},{"sku":"SKU-0002","quantity":1}]}""")
                .post("/api/checkout")
                .then().log().ifValidationFails().statusCode(201)
                .header("Location", matchesPattern(".*/api/orders/[0-9a-f-]{36}"))
                .body("status", equalTo("PENDING_INVOICE"))
                .body("accountId", equalTo("acc-0001"))
                .body("lines", hasSize(2))
                .body("lines[0].sku", equalTo("SKU-0001"))
                .body("lines[0].lineTotal", equalTo(20.0f))
                .body("total", equalTo(30.0f))
                .body("currency", equalTo("EUR"))
                .extract().path("orderId");

        given().get("/api/orders/" + orderId)
                .then().statusCode(200)
                .body("orderId", equalTo(orderId))
                .body("status", equalTo("PENDING_INVOICE"))
                .body("lines.sku", contains("SKU-0001", "SKU-0002"));
    }

    @Test
    void unknownOrderIsANotFoundProblem() {
        given().get("/api/orders/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("orderId"));
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"accountId\":\"acc-0001\",\"items\":[", "body"),
                Arguments.of("missing items", "{\"accountId\":\"acc-0001\"}", "items"),
                Arguments.of("empty items", "{\"accountId\":\"acc-0001\",\"items\":[]}", "items"),
                Arguments.of("missing account", "{\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}", "accountId"),
                Arguments.of("malformed account", "{\"accountId\":\"bob\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}", "accountId"),
                Arguments.of("malformed sku", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"sku1\",\"quantity\":1}]}", "items[0].sku"),
                Arguments.of("zero quantity", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":0}]}", "items[0].quantity"),
                Arguments.of("negative quantity", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":-3}]}", "items[0].quantity"),
                Arguments.of("absurd quantity", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1000000}]}", "items[0].quantity"),
                Arguments.of("fractional quantity", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1.5}]}", "items[0].quantity"),
                Arguments.of("quantity as text", "{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":\"two\"}]}", "items[0].quantity"),
                Arguments.of("null item", "{\"accountId\":\"acc-0001\",\"items\":[null]}", "items[0]"),
                Arguments.of("items not a list", "{\"accountId\":\"acc-0001\",\"items\":{\"sku\":\"SKU-0001\"}}", "items"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidInputIsABadRequestProblemNamingTheField(String description, String body, String field) {
        long ordersBefore = countOrders();
        given().contentType("application/json").body(body)
                .post("/api/checkout")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        assertEquals(ordersBefore, countOrders(), "a rejected request must not store anything");
        assertEquals(0, billing.authorizationCalls.get(), "a rejected request must not reach billing");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        given().contentType("text/plain").body("accountId=acc-0001")
                .post("/api/checkout")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void oversizeBodyIsRejectedBeforeItIsRead() {
        String padding = "x".repeat(100 * 1024);
        given().contentType("application/json")
                .body("{\"accountId\":\"acc-0001\",\"padding\":\"" + padding + "\",\"items\":[]}")
                .post("/api/checkout")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void unknownSkusAreNamedByTheirLine() {
        billing.unknownSkus.add("SKU-0404");
        billing.unknownSkus.add("SKU-0405");
        long ordersBefore = countOrders();
        given().contentType("application/json")
                .body("""
                        {"accountId":"acc-0001","items":[{"sku":"SKU-0001","quantity":1},{"sku":"SKU-0404","quantity":1},\
                        {"sku":"SKU-0405","quantity":1}]}""")
                .post("/api/checkout")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-sku"))
                .body("errors.field", contains("items[1].sku", "items[2].sku"));
        assertEquals(ordersBefore, countOrders());
        assertEquals(0, billing.authorizationCalls.get(), "nothing is paid for an order that cannot be priced");
    }

    @Test
    void unknownAccountIsNamed() {
        billing.unknownAccounts.add("acc-9999");
        given().contentType("application/json")
                .body("{\"accountId\":\"acc-9999\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().log().ifValidationFails().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("accountId"));
    }

    @Test
    void declinedPaymentIsAPaymentRequiredProblemAndStoresNoOrder() {
        billing.decliningAccounts.add("acc-0999");
        long ordersBefore = countOrders();
        given().contentType("application/json")
                .body("{\"accountId\":\"acc-0999\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":50}]}")
                .post("/api/checkout")
                .then().statusCode(402)
                .contentType("application/problem+json")
                .body("type", endsWith("/payment-declined"))
                .body("detail", containsString("available credit"))
                .body("traceId", matchesPattern("[0-9a-f]{32}"));
        assertEquals(ordersBefore, countOrders());
    }

    @Test
    void billingDownIsServiceUnavailableWithRetryAfter() {
        billing.down = true;
        long ordersBefore = countOrders();
        given().contentType("application/json")
                .body("{\"accountId\":\"acc-0002\",\"items\":[{\"sku\":\"SKU-0003\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().log().ifValidationFails().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", endsWith("/dependency-unavailable"));
        assertEquals(ordersBefore, countOrders());
    }

    @Test
    void oversizeIdempotencyKeyIsNamed() {
        given().contentType("application/json").header("Idempotency-Key", "k".repeat(256))
                .body("{\"accountId\":\"acc-0001\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private long countOrders() {
        return QuarkusTransaction.requiringNew().call(() -> orders.count());
    }
}
