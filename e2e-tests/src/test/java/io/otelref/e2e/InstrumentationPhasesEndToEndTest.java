package io.otelref.e2e;

import static io.otelref.e2e.CheckoutTraceEndToEndTest.operation;
import static io.otelref.e2e.CheckoutTraceEndToEndTest.span;
import static io.otelref.scenarios.catalogue.Catalogue.ACCOUNT_LOCK_P95;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.otelref.observability.prometheus.Exemplar;
import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;
import io.otelref.scenarios.catalogue.Catalogue;
import io.otelref.scenarios.catalogue.Scenario;
import io.otelref.scenarios.run.PhaseResult;
import io.otelref.scenarios.run.RunPlan;
import io.otelref.scenarios.run.ScenarioRunner;
import io.otelref.scenarios.stack.StackEndpoints;

/**
 * The runbook's phases (docs/runbook/), each run with {@code otelref.instrumentation.phase} on the same build:
 * for one checkout, Jaeger and Prometheus hold exactly what the phase promises, and the hot-account
 * scenario becomes diagnosable from traces at phase 2, not before. The services are restarted per phase and
 * left at phase 6 (everything) for the tests that follow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstrumentationPhasesEndToEndTest {

    private static final Path SERVICES = Path.of("..", "infra", "services.sh");
    private static final String ORDER = """
            {"accountId":"acc-0077","items":[{"sku":"SKU-0001","quantity":1},{"sku":"SKU-0002","quantity":1}]}""";
    /** Spans leave a service at most a second after they end (quarkus.otel.bsp.schedule.delay); this is ample. */
    private static final Duration EXPORT_MARGIN = Duration.ofSeconds(4);
    private static final RunPlan SHORT = new RunPlan(false, OptionalDouble.empty(), Duration.ofSeconds(10), false);
    /** A metric export (every 5 s) and the scrape of the collector after it (every 5 s), with room to spare. */
    private static final Duration METRICS_MARGIN = Duration.ofSeconds(12);

    private static final Predicate<TraceSpan> CHECKOUT_SERVER = operation("checkout-service", "POST /api/checkout")
            .and(s -> s.kind() == SpanKind.SERVER);
    private static final Predicate<TraceSpan> BUSINESS_SPAN = s -> List.of("checkout.place_order", "checkout.price_items",
            "billing.authorize_payment", "billing.create_invoice", "worker.invoice_order").contains(s.operation());
    private static final Predicate<TraceSpan> HAS_APP_ATTRIBUTE = s -> s.tags().keySet().stream()
            .anyMatch(key -> key.startsWith("app."));

    @AfterAll
    static void leaveEverythingOn() throws IOException, InterruptedException {
        startServicesAt(6);
    }

    @Test
    @Order(0)
    void phaseZeroIsLogsOnlyAndTheLockWaitCannotBeFoundInTraces() throws Exception {
        startServicesAt(0);
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        placeAndAwaitInvoice(caller);
        Thread.sleep(EXPORT_MARGIN.toMillis());
        assertTrue(Stack.jaeger.trace(caller.traceId()).isEmpty(), "no span of the checkout reached Jaeger");

        PhaseResult hotAccount = runner().runPhase(scenario("hot-account"), "phase 0", scenario("hot-account").fault(), SHORT);
        assertTrue(Double.isNaN(hotAccount.value(ACCOUNT_LOCK_P95)),
                "without traces there is no lock wait to measure: " + hotAccount.value(ACCOUNT_LOCK_P95));
    }

    @Test
    @Order(2)
    void phaseTwoHasRootAndDependencySpansOnlyAndTheLockWaitStandsOut() throws Exception {
        Instant started = Instant.now();
        startServicesAt(2);
        Trace trace = checkoutTrace(span("billing-service", SpanKind.SERVER));
        assertEquals(1, trace.find(CHECKOUT_SERVER).size(), trace::toString);
        assertFalse(trace.find(span("checkout-service", SpanKind.CLIENT).and(s -> s.tags().containsKey("http.request.method")))
                .isEmpty(), "outbound HTTP\n" + trace);
        assertFalse(trace.find(span("billing-service", SpanKind.CLIENT).and(s -> s.tags().containsKey("db.query.text")))
                .isEmpty(), "JDBC\n" + trace);
        assertEquals(List.of(), trace.find(BUSINESS_SPAN), "no business span");
        assertEquals(List.of(), trace.find(HAS_APP_ATTRIBUTE), "no app.* attribute");
        assertEquals(List.of(), trace.spansOf("invoice-worker"), "the async path is not joined yet");
        Trace published = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> kafkaTraceSince(started), found -> found != null);
        assertFalse(published.find(span("invoice-worker", SpanKind.CONSUMER)).isEmpty(), published::toString);
        assertEquals(List.of(), published.find(BUSINESS_SPAN), "no business span on the async path either");

        // The baseline after a warm-up: the services were just restarted, and a cold JVM is slow everywhere.
        ScenarioRunner runner = runner();
        PhaseResult baseline = runner.run(scenario("baseline"), new RunPlan(false, OptionalDouble.empty(), SHORT.duration(), true))
                .fault();
        PhaseResult hotAccount = runner.runPhase(scenario("hot-account"), "phase 2", scenario("hot-account").fault(), SHORT);
        runner.restore();
        double lockWait = ACCOUNT_LOCK_P95.of(hotAccount.record(), runner.telemetry());
        double atBaseline = ACCOUNT_LOCK_P95.of(baseline.record(), runner.telemetry());
        assertTrue(lockWait >= 5 * atBaseline, "the JDBC spans show the lock wait: p95 " + lockWait + " ms against "
                + atBaseline + " ms at baseline");
    }

    @Test
    @Order(3)
    void phaseThreeAddsBusinessSpansWithTheStableAttributesButNoExemplars() throws Exception {
        startServicesAt(3);
        Instant started = Instant.now();
        Trace trace = checkoutTrace(operation("billing-service", "billing.authorize_payment"));
        TraceSpan placeOrder = trace.one(operation("checkout-service", "checkout.place_order"));
        assertEquals("acc-0077", placeOrder.tag("app.account.id").orElse(null), trace::toString);
        assertTrue(placeOrder.tag("app.order.id").isPresent(), trace::toString);
        assertEquals("2", trace.one(operation("checkout-service", "checkout.price_items")).tag("app.order.sku_count").orElse(null));
        assertEquals("authorized", trace.one(operation("billing-service", "billing.authorize_payment"))
                .tag("app.payment.outcome").orElse(null));
        assertEquals(List.of(), trace.spansOf("invoice-worker"), "the async path is not joined yet");
        // Long enough for a metric export (5 s) and the scrape of the collector after it (5 s).
        Thread.sleep(METRICS_MARGIN.toMillis());
        assertEquals(List.of(), checkoutExemplarsSince(started), "exemplars come with phase 4");
    }

    @Test
    @Order(4)
    void phaseFourLinksTheLatencyBucketsToTraces() throws Exception {
        startServicesAt(4);
        Instant started = Instant.now();
        Trace trace = checkoutTrace(operation("billing-service", "billing.authorize_payment"));
        assertEquals(List.of(), trace.spansOf("invoice-worker"), "the async path is not joined yet");
        List<Exemplar> exemplars = Awaitility.await().atMost(METRICS_MARGIN.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> checkoutExemplarsSince(started), found -> !found.isEmpty());
        assertTrue(exemplars.stream().allMatch(exemplar -> exemplar.traceId().filter(id -> id.matches("[0-9a-f]{32}")).isPresent()),
                () -> "a checkout latency bucket in Prometheus names a trace: " + exemplars);
    }

    @Test
    @Order(6)
    void phaseSixJoinsTheWorkerToTheRequestsTrace() throws Exception {
        startServicesAt(6);
        Trace trace = checkoutTrace(operation("invoice-worker", "worker.invoice_order"));
        TraceSpan producer = trace.one(span("checkout-service", SpanKind.PRODUCER));
        assertTrue(trace.isAncestor(trace.one(CHECKOUT_SERVER), producer), "the PRODUCER span is under the request\n" + trace);
        assertTrue(trace.one(operation("invoice-worker", "worker.invoice_order")).tag("app.invoice.id").isPresent(),
                trace::toString);
    }

    /** One checkout under a trace of ours, after its invoice, once the span {@code lastToArrive} is in Jaeger. */
    private static Trace checkoutTrace(Predicate<TraceSpan> lastToArrive) throws InterruptedException {
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        placeAndAwaitInvoice(caller);
        Trace arrived = Stack.jaeger.awaitTrace(caller.traceId(),
                candidate -> !candidate.find(CHECKOUT_SERVER).isEmpty() && !candidate.find(lastToArrive).isEmpty(),
                Duration.ofSeconds(60));
        // The invoice is stored, so every span of the trace has ended: give the last batch time to arrive.
        Thread.sleep(EXPORT_MARGIN.toMillis());
        return Stack.jaeger.trace(caller.traceId()).orElse(arrived);
    }

    private static void placeAndAwaitInvoice(Stack.CallerTrace caller) {
        Stack.Answer placed = Stack.checkout(caller, ORDER);
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        String orderId = placed.body().get("orderId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "INVOICED".equals(Stack.order(orderId).body().path("status").asText()));
    }

    /** A trace that checkout's outbox relay started after {@code since}, as below phase 6 every publish does. */
    private static Trace kafkaTraceSince(Instant since) {
        return Stack.jaeger.findTraces("invoice-worker", null, Duration.ofMinutes(1), 20).stream()
                .filter(trace -> trace.root().filter(span("checkout-service", SpanKind.PRODUCER))
                        .filter(root -> root.start().isAfter(since)).isPresent())
                .findFirst().orElse(null);
    }

    /** The exemplars Prometheus stored for checkout's latency buckets since {@code since}. */
    private static List<Exemplar> checkoutExemplarsSince(Instant since) {
        return Stack.prometheus.exemplars("app_checkout_duration_seconds_bucket{job=\"checkout-service\"}", since, Instant.now());
    }

    private static ScenarioRunner runner() {
        return new ScenarioRunner(StackEndpoints.fromEnvironment(), System.out);
    }

    private static Scenario scenario(String name) {
        return Catalogue.named(name).orElseThrow();
    }

    private static void startServicesAt(int phase) throws IOException, InterruptedException {
        ProcessBuilder start = new ProcessBuilder("bash", SERVICES.toString(), "start", "all").inheritIO();
        start.environment().put("OTELREF_INSTRUMENTATION_PHASE", Integer.toString(phase));
        assertEquals(0, start.start().waitFor(), "infra/services.sh start all at phase " + phase);
    }
}
