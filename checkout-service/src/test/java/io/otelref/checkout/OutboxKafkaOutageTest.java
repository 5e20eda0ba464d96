package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.KafkaTopics;
import io.otelref.testing.TraceParent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stops the real broker: orders are still accepted, their events wait in the outbox, and they are
 * published once Kafka is back. Nothing is lost and the request path never noticed.
 */
@QuarkusTest
class OutboxKafkaOutageTest {

    private static final Path SERVERS = Path.of("..", "infra", "local-servers.sh");

    @Inject
    BillingStub billing;

    @Inject
    ExportedMetrics metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.outgoing.orders-placed.topic")
    String ordersPlaced;

    @AfterEach
    void kafkaIsBack() throws Exception {
        servers("start", "kafka");
    }

    @Test
    void ordersPlacedDuringAKafkaOutageArePublishedAfterIt() throws Exception {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        servers("stop", "kafka");

        String orderId = OrderEventsTest.placeOrder("acc-0300", TraceParent.random().traceId());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> outboxRow(orderId).attempts > 0 && backlog() >= 1);
        assertNull(outboxRow(orderId).publishedAt, "nothing can be published while the broker is down");
        // Still in rotation: it takes orders, and says how many events wait.
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox' }.data.pendingEvents", greaterThanOrEqualTo(1));

        servers("start", "kafka");
        assertEquals(1, new KafkaTopics(bootstrapServers)
                .await(ordersPlaced, record -> orderId.equals(record.key()), 1, Duration.ofSeconds(60)).size());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outboxRow(orderId).publishedAt != null);
    }

    private double backlog() {
        return metrics.gauge(CheckoutMetrics.OUTBOX_BACKLOG, Attributes.empty()).orElse(0.0);
    }

    private static OutboxEvent outboxRow(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find("eventKey", orderId).firstResult());
    }

    private static void servers(String action, String server) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SERVERS.toString(), action, server).inheritIO().start();
        assertEquals(0, process.waitFor(), "infra/local-servers.sh " + action + " " + server);
    }
}
