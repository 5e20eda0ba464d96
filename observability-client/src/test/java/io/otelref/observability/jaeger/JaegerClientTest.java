package io.otelref.observability.jaeger;

import static io.otelref.observability.CannedHttpServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.otelref.observability.CannedHttpServer;
import io.otelref.observability.CannedHttpServer.Response;
import io.otelref.observability.http.BackendException;
import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.TestSpans;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/** Against canned answers captured from a real Jaeger (see src/test/resources/jaeger/README.md). */
class JaegerClientTest {

    static final String CHECKOUT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SLOW_WORKER_TRACE_ID = "7c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f";
    static final String MISSING_TRACE_ID = "0123456789abcdef0123456789abcdef";

    private final CannedHttpServer jaegerServer = new CannedHttpServer()
            .respond("/api/traces/" + CHECKOUT_TRACE_ID, 200, resource("jaeger/checkout-trace.json"))
            .respond("/api/traces/" + MISSING_TRACE_ID, 404, resource("jaeger/trace-not-found.json"))
            .respond("/api/traces", 200, resource("jaeger/search-checkout-service.json"))
            .respond("/api/services", 200, resource("jaeger/services.json"))
            .respond("/api/services/checkout-service/operations", 200, resource("jaeger/operations-checkout-service.json"));
    private final JaegerClient jaeger = new JaegerClient(jaegerServer.url());

    @AfterEach
    void stopServer() {
        jaegerServer.close();
    }

    @Test
    void readsATraceWithServicesParentsKindsAndTags() {
        Trace trace = jaeger.trace(CHECKOUT_TRACE_ID).orElseThrow();

        assertEquals(CHECKOUT_TRACE_ID, trace.traceId());
        assertEquals(20, trace.spans().size());
        assertEquals(List.of("checkout-service", "billing-service", "invoice-worker"), trace.services());
        TraceSpan root = trace.root().orElseThrow();
        assertEquals("POST /api/checkout", root.operation());
        assertEquals(SpanKind.SERVER, root.kind());
        assertEquals(Duration.ofMillis(120), root.duration());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), root.start());
        assertEquals(Optional.of("201"), root.tag("http.response.status_code"), "an int64 tag reads as its digits");
        assertEquals(List.of(), trace.orphans());
    }

    @Test
    void linksTheAsyncConsumerToTheProducerThroughItsChildOfReference() {
        Trace trace = jaeger.trace(CHECKOUT_TRACE_ID).orElseThrow();

        TraceSpan consumer = trace.one(span -> span.kind() == SpanKind.CONSUMER);
        TraceSpan producer = trace.parent(consumer).orElseThrow();

        assertEquals("invoice-worker", consumer.service());
        assertEquals("orders.placed publish", producer.operation());
        assertEquals(SpanKind.PRODUCER, producer.kind());
        assertTrue(consumer.start().isAfter(trace.root().orElseThrow().end()), "the consumer ran after the response");
    }

    /**
     * The captured checkout, worked by hand with Jaeger UI's rules: the root waited on place_order
     * (ended 118), place_order last on the INSERT (111-114), before it on the resent payment call
     * (ended 110) down to authorize_payment, before that on the failed first attempt (ended 70), and
     * before that on price_items (ended 61), whose slowest look-up (a005, ended 60) waited on billing's
     * SELECT billing.price. The publish starts (119) after place_order ended (118): not on the path.
     */
    @Test
    void theCriticalPathOfTheCapturedCheckoutRunsThroughEachStepOfPlaceOrder() {
        Trace trace = jaeger.trace(CHECKOUT_TRACE_ID).orElseThrow();

        assertEquals(List.of("a001 0.000-0.500", "a002 0.500-1.000", "a003 1.000-2.100", "a005 2.100-3.100", "a008 3.100-40.000",
                "a00a 40.000-58.000", "a008 58.000-59.000", "a005 59.000-60.000", "a003 60.000-61.000", "a002 61.000-62.000",
                "a00b 62.000-63.000", "a00c 63.000-69.000", "a00b 69.000-70.000", "a002 70.000-72.000", "a00d 72.000-73.000",
                "a00e 73.000-74.000", "a00f 74.000-108.000", "a00e 108.000-109.000", "a00d 109.000-110.000",
                "a002 110.000-111.000", "a010 111.000-114.000", "a002 114.000-118.000", "a001 118.000-120.000"),
                trace.criticalPathSections().stream().map(section -> TestSpans.describe(section).replaceFirst("^0+", "")).toList());
        assertEquals(List.of("a001", "a002", "a003", "a005", "a008", "a00a", "a00b", "a00c", "a00d", "a00e", "a00f", "a010"),
                trace.criticalPath().stream().map(span -> span.spanId().replaceFirst("^0+", "")).toList());
        // billing's price look-up spent 36.9 ms before its SELECT: longer than authorize_payment's 34 ms.
        assertEquals("billing-service GET /api/prices/{sku} 36.900 ms", trace.criticalPathLongestSection().orElseThrow().describe());
    }

    @Test
    void recognisesFailedSpansFromTheirStatus() {
        Trace trace = jaeger.trace(CHECKOUT_TRACE_ID).orElseThrow();

        assertEquals(List.of("checkout-service", "billing-service"), trace.errors().stream().map(TraceSpan::service).toList());
        assertTrue(trace.errors().stream().allMatch(span -> span.tag("error.type").equals(Optional.of("503"))));
        TraceSpan resend = trace.one(span -> span.tag("http.request.resend_count").isPresent());
        assertEquals(Optional.of("1"), resend.tag("http.request.resend_count"));
        assertEquals(SpanKind.INTERNAL, trace.one(span -> span.operation().equals("billing.authorize_payment")).kind());
    }

    @Test
    void anUnknownTraceIsEmptyNotAnError() {
        assertEquals(Optional.empty(), jaeger.trace(MISSING_TRACE_ID));
    }

    @Test
    void normalisesTheTraceIdAndRefusesOneThatIsNotHex() {
        assertTrue(jaeger.trace(CHECKOUT_TRACE_ID.toUpperCase()).isPresent());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> jaeger.trace("not-a-trace"));
        assertTrue(failure.getMessage().contains("'not-a-trace'"), failure.getMessage());
    }

    @Test
    void searchesAServiceWithinATimeWindowJaegerUnderstands() {
        Instant before = Instant.now();

        List<Trace> traces = jaeger.findTraces("checkout-service", "POST /api/checkout", Duration.ofHours(1), 20);

        assertEquals(List.of(CHECKOUT_TRACE_ID, SLOW_WORKER_TRACE_ID).stream().sorted().toList(),
                traces.stream().map(Trace::traceId).sorted().toList());
        Map<String, String> query = queryOf(jaegerServer.requests().getLast());
        assertEquals("checkout-service", query.get("service"));
        assertEquals("POST /api/checkout", query.get("operation"));
        assertEquals("20", query.get("limit"));
        long startMicros = Long.parseLong(query.get("start"));
        long endMicros = Long.parseLong(query.get("end"));
        assertEquals(Duration.ofHours(1).toNanos() / 1_000, endMicros - startMicros);
        assertTrue(endMicros >= before.toEpochMilli() * 1_000, "the window ends now, in microseconds");
    }

    @Test
    void listsServices() {
        assertEquals(List.of("billing-service", "checkout-service", "invoice-worker"), jaeger.services());
    }

    @Test
    void listsTheOperationsOfAServiceSorted() {
        assertEquals(List.of("GET /api/prices/{sku}", "INSERT checkout.customer_order", "POST /api/checkout",
                "POST /api/payments/authorizations", "checkout.place_order", "checkout.price_items",
                "orders.placed publish"), jaeger.operations("checkout-service"));
        assertEquals("/api/services/checkout-service/operations", jaegerServer.requests().getLast().getPath());
    }

    @Test
    void readsTheResourceAttributesAsProcessTagsWithoutTheServiceName() {
        String withProcessTags = resource("jaeger/checkout-trace.json").replaceFirst(
                "\"serviceName\": \"checkout-service\",\\s*\"tags\": \\[\\]",
                "\"serviceName\": \"checkout-service\", \"tags\": [{\"key\": \"telemetry.sdk.language\","
                        + " \"type\": \"string\", \"value\": \"java\"}, {\"key\": \"process.pid\", \"type\": \"int64\", \"value\": 42}]");
        jaegerServer.respond("/api/traces/" + CHECKOUT_TRACE_ID, 200, withProcessTags);

        Trace trace = jaeger.trace(CHECKOUT_TRACE_ID).orElseThrow();

        assertEquals(Map.of("telemetry.sdk.language", "java", "process.pid", "42"), trace.root().orElseThrow().processTags());
        assertEquals(Map.of(), trace.spansOf("billing-service").getFirst().processTags());
    }

    @Test
    void readsASavedAnswer() throws Exception {
        List<Trace> traces = JaegerTraceParser.fromResponse(
                new ObjectMapper().readTree(resource("jaeger/search-checkout-service.json")));

        assertEquals(2, traces.size());
        assertEquals(List.of(), JaegerTraceParser.fromResponse(
                new ObjectMapper().readTree(resource("jaeger/trace-not-found.json"))));
    }

    @Test
    void awaitsATraceUntilItIsComplete() {
        AtomicInteger calls = new AtomicInteger();
        String partial = resource("jaeger/checkout-trace-partial.json");
        String complete = resource("jaeger/checkout-trace.json");
        jaegerServer.respond("/api/traces/" + CHECKOUT_TRACE_ID,
                () -> new Response(200, calls.incrementAndGet() < 3 ? partial : complete));

        Trace trace = jaeger.awaitTrace(CHECKOUT_TRACE_ID, t -> t.root().isPresent(), Duration.ofSeconds(5));

        assertEquals(20, trace.spans().size());
        assertEquals(3, calls.get());
    }

    @Test
    void givesUpAwaitingListingWhatHadArrived() {
        jaegerServer.respond("/api/traces/" + CHECKOUT_TRACE_ID, 200, resource("jaeger/checkout-trace-partial.json"));

        TraceTimeoutException failure = assertThrows(TraceTimeoutException.class,
                () -> jaeger.awaitTrace(CHECKOUT_TRACE_ID, t -> t.root().isPresent(), Duration.ofMillis(500)));

        assertTrue(failure.getMessage().contains("was not complete after PT0.5S"), failure.getMessage());
        assertTrue(failure.getMessage().contains("invoice-worker orders.placed process"), failure.getMessage());
        assertTrue(failure.lastSeen().orElseThrow().root().isEmpty());
    }

    @Test
    void explainsAnErrorAnswerNamingJaegersUrl() {
        jaegerServer.respond("/api/services", 500, "{\"data\":null,\"errors\":[{\"code\":500,\"msg\":\"storage is closed\"}]}");

        BackendException failure = assertThrows(BackendException.class, jaeger::services);

        assertTrue(failure.getMessage().contains("Jaeger at " + jaegerServer.url()), failure.getMessage());
        assertTrue(failure.getMessage().contains("500: storage is closed"), failure.getMessage());
    }

    @Test
    void saysWhenJaegerIsUnreachable() {
        URI nobodyListens = jaegerServer.url();
        jaegerServer.close();

        BackendException failure = assertThrows(BackendException.class,
                () -> new JaegerClient(nobodyListens).trace(CHECKOUT_TRACE_ID));

        assertTrue(failure.getMessage().startsWith("cannot reach Jaeger at " + nobodyListens), failure.getMessage());
    }

    private static Map<String, String> queryOf(URI request) {
        return Arrays.stream(request.getRawQuery().split("&"))
                .map(parameter -> parameter.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
