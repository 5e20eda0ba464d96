package io.otelref.billing;

import static io.otelref.billing.BillingApi.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationalEndpointsTest {

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
    void metricsHaveTheLockWaitHistogramAndNoSimulatedGatewayServerRequests() {
        BillingApi.authorize(UUID.randomUUID(), "acc-0101", "10.00").then().statusCode(201);

        request().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("app_account_lock_wait_seconds_bucket{le=\"0.1\"}"))
                .body(containsString("http_client_requests_seconds_count"))
                .body(containsString("uri=\"/api/payments/authorizations\""))
                .body(not(containsString("uri=\"/simulated-gateway")));
    }
}
