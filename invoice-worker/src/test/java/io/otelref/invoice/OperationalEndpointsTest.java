package io.otelref.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class OperationalEndpointsTest {

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
     * The per-partition {@code kafka_consumer_fetch_manager_records_lag{topic,partition}} joins the
     * scrape only after Micrometer's next look for new Kafka metrics (up to a minute after the partitions
     * are assigned); the consumer-wide maximum is there from the start.
     */
    @Test
    void metricsExportProcessingTimeAndConsumerLag() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("app_invoice_processing_seconds_bucket{outcome=\"invoiced\",le=\"0.25\"}"))
                .body(containsString("app_invoice_processing_seconds_count{outcome=\"dead_lettered\"}"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-orders-placed\""));
    }
}
