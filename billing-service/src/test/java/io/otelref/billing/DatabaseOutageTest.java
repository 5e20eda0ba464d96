package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.otelref.testing.DatabaseOutage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** PostgreSQL away, for real: 503 with Retry-After on every endpoint, readiness DOWN, and back without a restart. */
@QuarkusTest
class DatabaseOutageTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @Test
    void everyEndpointAnswers503WhileTheDatabaseIsAwayAndRecoversWithoutARestart() {
        UUID authorized = UUID.randomUUID();
        BillingHttpCalls.authorize(authorized, "acc-0400", "10.00").then().statusCode(201);

        try (DatabaseOutage outage = DatabaseOutage.begin(databaseUrl, databaseUser, databasePassword)) {
            assertUnavailable(request().get("/api/prices/SKU-0001"));
            assertUnavailable(BillingHttpCalls.authorize(UUID.randomUUID(), "acc-0400", "10.00"));
            assertUnavailable(BillingHttpCalls.createInvoice(authorized));
            assertUnavailable(request().queryParam("orderId", authorized.toString()).get("/api/invoices"));
            request().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        }

        request().get("/api/prices/SKU-0001").then().statusCode(200);
        BillingHttpCalls.createInvoice(authorized).then().statusCode(201);
        request().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void assertUnavailable(Response response) {
        response.then().log().ifValidationFails()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("https://otel-reference.dev/problems/dependency-unavailable"))
                .body("detail", containsString("the database is unavailable"));
    }
}
