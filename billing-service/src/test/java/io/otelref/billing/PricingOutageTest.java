package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.request;
import static io.otelref.testing.TraceView.kind;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.otelref.billing.simulation.PricingOutage;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The fan-out-partial-failure fault: prices of chosen SKUs fail as if their pricing shard were down. */
@QuarkusTest
class PricingOutageTest {

    @Inject
    PricingOutage outage;

    @Inject
    InMemorySpanExporter spans;

    @AfterEach
    void reset() {
        admin().post("/admin/reset").then().statusCode(204);
    }

    @Test
    void anUnavailableSkuAnswersServiceUnavailableWhileOthersArePriced() {
        admin().contentType("application/json").body("{\"unavailableSkus\":[\"SKU-0007\"]}")
                .put("/admin/pricing").then()
                .statusCode(200)
                .body("unavailableSkus", contains("SKU-0007"));
        TraceParent trace = TraceParent.random();

        request(trace).get("/api/prices/SKU-0007").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", endsWith("/pricing-unavailable"));
        request().get("/api/prices/SKU-0001").then().statusCode(200);

        SpanData server = TraceView.awaitSpan(spans, trace.traceId(), kind(SpanKind.SERVER)).one(kind(SpanKind.SERVER));
        assertEquals(StatusCode.ERROR, server.getStatus().getStatusCode());
        assertEquals("503", server.getAttributes().get(ErrorAttributes.ERROR_TYPE));
    }

    @Test
    void resetMakesEveryPriceAvailableAgain() {
        admin().contentType("application/json").body("{\"unavailableSkus\":[\"SKU-0007\",\"SKU-0008\"]}")
                .put("/admin/pricing").then().statusCode(200);

        admin().post("/admin/reset").then().statusCode(204);

        admin().get("/admin/pricing").then().statusCode(200).body("unavailableSkus", empty());
        request().get("/api/prices/SKU-0007").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"unavailableSkus\":[\"sku-7\"]}", "{\"unavailableSkus\":[null]}", "{\"unavailableSkus\":null}", "{}" })
    void aBadSkuListIsRejectedNamingTheField(String body) {
        admin().contentType("application/json").body(body).put("/admin/pricing").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("unavailableSkus")));
        admin().get("/admin/pricing").then().body("unavailableSkus", empty());
    }

    @Test
    void atMostFiftySkusCanBeUnavailable() {
        String fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(n -> "\"SKU-%04d\"".formatted(n)).collect(Collectors.joining(","));

        admin().contentType("application/json").body("{\"unavailableSkus\":[" + fiftyOne + "]}").put("/admin/pricing").then()
                .statusCode(400)
                .body("errors.field", contains("unavailableSkus"));
        assertEquals(0, outage.unavailableSkus().size(), "nothing was half-applied");
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-token");
    }
}
