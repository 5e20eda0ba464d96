package io.otelref.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.otelref.testing.ExportedMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class OperationalEndpointsTest {

    @Inject
    ExportedMetrics metrics;

    @Test
    void readinessWaitsForTheKafkaChannels() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"))
                .body(containsString("orders-placed"))
                .body(containsString("invoices-created"));
    }

    /**
     * Consumer lag comes from the Kafka client's own metrics, which Micrometer binds and its bridge hands to the
     * OpenTelemetry SDK; the per-partition {@code records-lag} joins only after Micrometer's next look for new
     * Kafka metrics (up to a minute after the partitions are assigned), the consumer-wide maximum is there from
     * the start.
     */
    @Test
    void metricsExportConsumerLag() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> metrics.points(
                "kafka.consumer.fetch.manager.records.lag.max",
                Attributes.of(AttributeKey.stringKey("client.id"), "kafka-consumer-orders-placed")).size() == 1);
    }
}
