package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.otelref.billing.telemetry.AccountLockWait;
import io.otelref.testing.ExportedMetrics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationalEndpointsTest {

    @Inject
    ExportedMetrics metrics;

    @Test
    void healthIncludesTheDatabase() {
        request().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiDocumentsEveryPath() {
        request().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/prices/{sku}'.get", notNullValue())
                .body("paths.'/api/payments/authorizations'.post", notNullValue())
                .body("paths.'/api/invoices'.post", notNullValue())
                .body("paths.'/api/invoices'.get", notNullValue())
                .body("paths.'/simulated-gateway/authorizations'.post", notNullValue())
                .body("paths.'/simulated-gateway/captures'.post", notNullValue());
    }

    @Test
    void anAuthorizationIsMeasuredAsLockWaitServerRequestAndGatewayCall() {
        long lockWaitsBefore = metrics.histogramCount(AccountLockWait.METRIC, Attributes.empty());

        BillingHttpCalls.authorize(UUID.randomUUID(), "acc-0101", "10.00").then().statusCode(201);

        assertEquals(lockWaitsBefore + 1, metrics.histogramCount(AccountLockWait.METRIC, Attributes.empty()));
        assertTrue(metrics.histogramCount("http.server.request.duration",
                Attributes.of(HttpAttributes.HTTP_ROUTE, "/api/payments/authorizations")) >= 1);
        assertTrue(metrics.histogramCount("http.client.request.duration",
                Attributes.of(AttributeKey.stringKey("url.template"), "/authorizations")) >= 1,
                () -> "the gateway call, as billing's client saw it: " + metrics.metric("http.client.request.duration"));
    }
}
