package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.request;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PriceResourceTest {

    @Test
    void quotesTheSeededPriceOfAProduct() {
        // SKU-0001: 5 + (1 * 37) % 96 + ((1 * 13) % 100) / 100 = 42.13
        request().get("/api/prices/SKU-0001").then()
                .statusCode(200)
                .body("sku", equalTo("SKU-0001"))
                .body("name", equalTo("Oak Lamp"))
                .body("unitPrice", equalTo(new BigDecimal("42.13")))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void unknownSkuIsANotFoundProblemNamingTheSku() {
        request().get("/api/prices/SKU-0051").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/unknown-sku"))
                .body("errors.field", contains("sku"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "sku-0001", "SKU-1", "SKU-00001", "SKU-ABCD" })
    void malformedSkuIsABadRequestProblemNamingTheSku(String sku) {
        request().get("/api/prices/{sku}", sku).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("sku"));
    }
}
