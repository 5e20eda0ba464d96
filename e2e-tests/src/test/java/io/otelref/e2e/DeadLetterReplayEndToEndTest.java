package io.otelref.e2e;

import static io.otelref.e2e.CheckoutTraceEndToEndTest.operation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;
import io.otelref.operations.OperationsCli;
import io.otelref.operations.Addresses;
import io.otelref.operations.deadletters.DeadLetter;
import io.otelref.operations.deadletters.DeadLetterTopics;

/**
 * An orders.placed event for an order billing has not authorized is dead-lettered by the worker; once the
 * cause is fixed (the payment is authorized), `./demo dlq replay` puts it back, once, and the worker
 * invoices it, in the record's original trace. Checkout then dead-letters the invoice, since this order
 * was never placed through it: expected, and outside what this test looks at.
 */
class DeadLetterReplayEndToEndTest {

    private static final URI BILLING = URI.create(System.getProperty("billing.url", "http://127.0.0.1:8081"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aDeadLetterReplayedAfterItsCauseIsFixedIsInvoicedOnceOnItsOriginalTrace() throws Exception {
        String orderId = UUID.randomUUID().toString();
        Stack.CallerTrace upstream = Stack.CallerTrace.random();
        publishOrderPlaced(orderId, upstream.traceparent());

        DeadLetter deadLetter;
        try (DeadLetterTopics topics = new DeadLetterTopics(Addresses.kafkaBootstrapServers())) {
            deadLetter = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> topics.read("orders.placed.dlq").stream().filter(record -> orderId.equals(record.key()))
                            .findFirst().orElse(null), found -> found != null);
        }
        assertEquals("unknown-order", deadLetter.errorType());
        assertEquals(upstream.traceId(), deadLetter.traceId());

        assertEquals(201, post("/api/payments/authorizations", """
                {"orderId":"%s","accountId":"acc-0042","amount":42.50,"currency":"EUR"}""".formatted(orderId)));
        String replay = cli("dlq", "replay", "orders.placed.dlq", "--id", deadLetter.id());
        String again = cli("dlq", "replay", "orders.placed.dlq", "--id", deadLetter.id());
        assertTrue(replay.contains("1 replayed now"), replay);
        assertTrue(again.contains("0 replayed now, 1 already replayed before"), again);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/invoices?orderId=" + orderId).contains("\"invoiceId\""));
        assertEquals(1, get("/api/invoices?orderId=" + orderId).split("\"invoiceId\"").length - 1, "invoiced once");
        Trace trace = Stack.jaeger.awaitTrace(upstream.traceId(),
                candidate -> candidate.find(operation("invoice-worker", "worker.invoice_order")).size() >= 2,
                Duration.ofSeconds(60));
        List<TraceSpan> attempts = trace.find(operation("invoice-worker", "worker.invoice_order")).stream()
                .sorted(Trace.BY_START).toList();
        assertEquals("unknown-order", attempts.getFirst().tag("error.type").orElse(null), trace::describe);
        assertTrue(!attempts.getLast().isError() && attempts.getLast().tag("app.invoice.id").isPresent(), trace::describe);
    }

    private static void publishOrderPlaced(String orderId, String traceparent) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Addresses.kafkaBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>("orders.placed", orderId, """
                    {"eventId":"%s","orderId":"%s","accountId":"acc-0042","total":42.50,"currency":"EUR",\
                    "placedAt":"2026-01-01T10:00:00Z"}""".formatted(UUID.randomUUID(), orderId));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        var commandLine = OperationsCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute(args), out::toString);
        return out.toString();
    }

    private static int post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(BILLING.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(BILLING.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
