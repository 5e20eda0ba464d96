package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.checkout.stub.BillingStub;
import io.otelref.messaging.RecordsWaiting;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.testing.DatabaseOutage;
import io.otelref.testing.KafkaTopics;
import io.otelref.testing.TraceParent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL away, for real (connections refused and terminated): every endpoint that needs it answers
 * 503 with Retry-After, never 500; readiness says so; an invoices.created event that arrives meanwhile
 * waits instead of being dead-lettered; and once the database is back, all of it recovers by itself.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Inject
    BillingStub billing;

    @Inject
    ObjectMapper json;

    @Inject
    RecordsWaiting waiting;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.invoices-created.topic")
    String invoicesCreated;

    @ConfigProperty(name = "mp.messaging.incoming.invoices-created.dead-letter-queue.topic")
    String invoicesDeadLetter;

    @BeforeEach
    void resetBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
    }

    @Test
    void everyEndpointAnswers503WhileTheDatabaseIsAwayAndRecoversWithoutARestart() throws Exception {
        String placedBefore = OrderEventsTest.placeOrder("acc-0300", TraceParent.random().traceId());
        String invoiceId = UUID.randomUUID().toString();
        KafkaTopics kafka = new KafkaTopics(bootstrapServers);

        try (DatabaseOutage outage = DatabaseOutage.begin(databaseUrl, databaseUser, databasePassword)) {
            given().contentType("application/json")
                    .body("{\"accountId\":\"acc-0300\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1}]}")
                    .post("/api/checkout")
                    .then().log().ifValidationFails()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("type", equalTo("https://otel-reference.dev/problems/dependency-unavailable"))
                    .body("detail", containsString("the database is unavailable"));
            given().get("/api/orders/" + placedBefore)
                    .then().log().ifValidationFails()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
            given().get("/q/health/ready")
                    .then().statusCode(503).body("status", equalTo("DOWN"));

            kafka.send(invoicesCreated, placedBefore, json.writeValueAsString(new InvoiceCreated(UUID.randomUUID().toString(),
                    placedBefore, invoiceId, BillingStub.UNIT_PRICE, "EUR", Instant.now())), Map.of());
            // The event has met the outage: it waits instead of being dead-lettered (redelivered records of
            // earlier runs may wait beside it).
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting.count() >= 1);
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/orders/" + placedBefore)
                .then().statusCode(200).body("status", equalTo("INVOICED")).body("invoiceId", equalTo(invoiceId)));
        assertEquals(0, kafka.await(invoicesDeadLetter, record -> placedBefore.equals(record.key()), 1, Duration.ofSeconds(2))
                .size(), "an event that met an unavailable database is not a dead letter");
        OrderEventsTest.placeOrder("acc-0300", TraceParent.random().traceId());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
