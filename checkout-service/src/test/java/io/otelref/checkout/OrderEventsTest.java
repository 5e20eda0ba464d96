package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.common.Attributes;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.KafkaTopics;
import io.otelref.testing.TraceParent;
import io.quarkus.test.junit.QuarkusTest;

/** The two Kafka hops of checkout: orders.placed out through the outbox, invoices.created back in. */
@QuarkusTest
class OrderEventsTest {

    @Inject
    BillingStub billing;

    @Inject
    ExportedMetrics metrics;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.outgoing.orders-placed.topic")
    String ordersPlaced;

    @ConfigProperty(name = "mp.messaging.incoming.invoices-created.topic")
    String invoicesCreated;

    @ConfigProperty(name = "mp.messaging.incoming.invoices-created.dead-letter-queue.topic")
    String invoicesDeadLetter;

    KafkaTopics kafka;

    @BeforeEach
    void reset() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        kafka = new KafkaTopics(bootstrapServers);
    }

    @Test
    void aPlacedOrderIsPublishedWithTheTraceOfItsRequest() throws Exception {
        String traceId = TraceParent.random().traceId();
        String orderId = placeOrder("acc-0200", traceId);

        List<ConsumerRecord<String, String>> published = kafka.await(ordersPlaced, record -> orderId.equals(record.key()), 1,
                Duration.ofSeconds(20));
        assertEquals(1, published.size());
        ConsumerRecord<String, String> record = published.getFirst();
        assertTrue(KafkaTopics.header(record, "traceparent").startsWith("00-" + traceId + "-"),
                "the record carries the request's trace: " + KafkaTopics.header(record, "traceparent"));
        JsonNode event = json.readTree(record.value());
        assertEquals(orderId, event.get("orderId").asText());
        assertEquals("acc-0200", event.get("accountId").asText());
        assertEquals(0, event.get("total").decimalValue().compareTo(BillingStub.UNIT_PRICE));
    }

    @Test
    void anInvoiceMarksItsOrderInvoicedOnceHoweverOftenItArrives() throws Exception {
        String orderId = placeOrder("acc-0201", TraceParent.random().traceId());
        String invoiceId = UUID.randomUUID().toString();
        long latenciesBefore = orderToInvoiceCount();
        String event = json.writeValueAsString(new InvoiceCreated(UUID.randomUUID().toString(), orderId, invoiceId,
                BillingStub.UNIT_PRICE, "EUR", Instant.now()));

        kafka.send(invoicesCreated, orderId, event, Map.of());
        awaitInvoiced(orderId, invoiceId);
        kafka.send(invoicesCreated, orderId, event.replace(invoiceId, UUID.randomUUID().toString()), Map.of());
        String marker = placeOrder("acc-0201", TraceParent.random().traceId());
        // Keyed like the duplicate so it lands behind it on the same partition: once the marker is
        // applied, the duplicate has been consumed too.
        kafka.send(invoicesCreated, orderId, json.writeValueAsString(new InvoiceCreated(UUID.randomUUID().toString(),
                marker, UUID.randomUUID().toString(), BillingStub.UNIT_PRICE, "EUR", Instant.now())), Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> orderToInvoiceCount() == latenciesBefore + 2);

        given().get("/api/orders/" + orderId).then()
                .body("invoiceId", equalTo(invoiceId))
                .body("status", equalTo("INVOICED"));
    }

    @Test
    void anEventThatCannotBeAppliedIsDeadLetteredAndTheNextOneStillFlows() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        kafka.send(invoicesCreated, poisonKey, "{this is not json", Map.of());
        String orderId = placeOrder("acc-0202", TraceParent.random().traceId());
        String invoiceId = UUID.randomUUID().toString();
        kafka.send(invoicesCreated, orderId, json.writeValueAsString(new InvoiceCreated(UUID.randomUUID().toString(),
                orderId, invoiceId, BillingStub.UNIT_PRICE, "EUR", Instant.now())), Map.of());

        assertEquals(1, kafka.await(invoicesDeadLetter, record -> poisonKey.equals(record.key()), 1, Duration.ofSeconds(20))
                .size(), "the malformed event is in the dead-letter topic");
        awaitInvoiced(orderId, invoiceId);
    }

    private long orderToInvoiceCount() {
        return metrics.histogramCount(CheckoutMetrics.ORDER_INVOICING_DURATION, Attributes.empty());
    }

    private static void awaitInvoiced(String orderId, String invoiceId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/orders/" + orderId)
                .then().body("status", equalTo("INVOICED")).body("invoiceId", equalTo(invoiceId)));
    }

    static String placeOrder(String accountId, String traceId) {
        return given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"" + accountId + "\",\"items\":[{\"sku\":\"SKU-0030\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(201)
                .extract().path("orderId");
    }
}
