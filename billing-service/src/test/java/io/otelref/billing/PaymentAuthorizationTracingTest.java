package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static io.otelref.billing.BillingHttpCalls.request;
import static io.otelref.testing.TraceView.attribute;
import static io.otelref.testing.TraceView.kind;
import static io.otelref.testing.TraceView.named;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.repository.PaymentAuthorizationRepository;
import io.otelref.billing.simulation.GatewaySimulation;
import io.otelref.billing.telemetry.PeerServiceSpanProcessor;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
class PaymentAuthorizationTracingTest {

    private static final Predicate<SpanData> GATEWAY_CALL =
            kind(SpanKind.CLIENT).and(attribute(PeerServiceSpanProcessor.SERVER_SERVICE_NAME, "payment-gateway"));

    @Inject
    InMemorySpanExporter spans;

    @Inject
    GatewaySimulation simulation;

    @Inject
    BillingFixes fixes;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    ExportedMetrics metrics;

    @Inject
    PaymentAuthorizationRepository authorizations;

    @AfterEach
    void resetRuntimeSwitches() {
        simulation.reset();
        fixes.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void theLockQueryAndTheGatewayCallAreChildrenOfTheBusinessSpan() {
        TraceParent trace = TraceParent.random();
        UUID orderId = UUID.randomUUID();

        authorize(request(trace), orderId, "acc-0301", "20.00").then().statusCode(201);

        TraceView view = TraceView.awaitSpan(spans, trace.traceId(), kind(SpanKind.SERVER));
        SpanData server = view.one(kind(SpanKind.SERVER));
        SpanData business = view.one(named("billing.authorize_payment"));
        SpanData lockQuery = view.one(PaymentAuthorizationTracingTest::isLockQuery);
        SpanData gatewayCall = view.one(GATEWAY_CALL);
        assertEquals(server.getSpanId(), business.getParentSpanId(), view::describe);
        assertEquals(business.getSpanId(), lockQuery.getParentSpanId(), view::describe);
        assertEquals(business.getSpanId(), gatewayCall.getParentSpanId(), view::describe);
        assertEquals("acc-0301", business.getAttributes().get(AppAttributes.ACCOUNT_ID));
        assertEquals(orderId.toString(), business.getAttributes().get(AppAttributes.ORDER_ID));
        assertEquals("authorized", business.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));
        assertEquals("localhost", gatewayCall.getAttributes().get(ServerAttributes.SERVER_ADDRESS));
        // By default the lock is taken first and held while the gateway answers.
        assertTrue(lockQuery.getEndEpochNanos() <= gatewayCall.getStartEpochNanos(), view::describe);
        view.assertEveryParentPresentExcept(server);
        assertTrue(spans.getFinishedSpanItems().stream().noneMatch(PaymentAuthorizationTracingTest::isSimulatedGatewayServerSpan));
    }

    @Test
    void aDeclineIsABusinessOutcomeNotAnError() {
        TraceParent trace = TraceParent.random();

        authorize(request(trace), UUID.randomUUID(), "acc-0997", "100.01").then().statusCode(402);

        TraceView view = TraceView.awaitSpan(spans, trace.traceId(), kind(SpanKind.SERVER));
        SpanData business = view.one(named("billing.authorize_payment"));
        assertEquals("declined", business.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));
        assertEquals(StatusCode.UNSET, business.getStatus().getStatusCode());
        assertEquals(StatusCode.UNSET, view.one(kind(SpanKind.SERVER)).getStatus().getStatusCode());
        assertTrue(view.all(GATEWAY_CALL).isEmpty(), "a declined payment never reaches the gateway");
    }

    @Test
    void transientGatewayFailuresAreRetriedAndEachResendIsVisible() {
        double retriesBefore = gatewayRetries();
        simulation.failNext(2);
        TraceParent trace = TraceParent.random();

        authorize(request(trace), UUID.randomUUID(), "acc-0302", "20.00").then().statusCode(201);

        TraceView view = TraceView.awaitSpan(spans, trace.traceId(), kind(SpanKind.SERVER));
        List<SpanData> calls = inStartOrder(view.all(GATEWAY_CALL));
        assertEquals(3, calls.size(), view::describe);
        assertNull(calls.get(0).getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT));
        assertEquals(1L, calls.get(1).getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT));
        assertEquals(2L, calls.get(2).getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT));
        assertEquals(StatusCode.ERROR, calls.get(0).getStatus().getStatusCode());
        assertEquals("503", calls.get(0).getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertEquals(StatusCode.UNSET, calls.get(2).getStatus().getStatusCode());
        assertEquals(retriesBefore + 2, gatewayRetries());
    }

    /** Whether or not the lock was released before the call, a failed authorization leaves no credit reserved. */
    @ParameterizedTest(name = "release lock before gateway: {0}")
    @CsvSource({ "false, acc-0995", "true, acc-0996" })
    void aGatewayThatStaysDownIsAServiceUnavailableProblemAndReservesNothing(boolean releaseLockBeforeGateway,
            String accountId) {
        fixes.releaseLockBeforeGateway(releaseLockBeforeGateway);
        simulation.change(simulation.behaviour().withErrorRate(1.0));
        TraceParent trace = TraceParent.random();
        UUID orderId = UUID.randomUUID();

        authorize(request(trace), orderId, accountId, "100.00").then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", endsWith("/dependency-unavailable"))
                .body("detail", containsString("payment-gateway"));

        TraceView view = TraceView.awaitSpan(spans, trace.traceId(), kind(SpanKind.SERVER));
        List<SpanData> calls = view.all(GATEWAY_CALL);
        assertEquals(4, calls.size(), "one call and three retries\n" + view.describe());
        assertTrue(calls.stream().allMatch(call -> call.getStatus().getStatusCode() == StatusCode.ERROR
                && "503".equals(call.getAttributes().get(ErrorAttributes.ERROR_TYPE))), view::describe);
        SpanData business = view.one(named("billing.authorize_payment"));
        assertEquals(StatusCode.ERROR, business.getStatus().getStatusCode());
        assertEquals("dependency-unavailable", business.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, view.one(kind(SpanKind.SERVER)).getStatus().getStatusCode());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> authorizations.count("orderId", orderId)));

        simulation.reset();
        authorize(UUID.randomUUID(), accountId, "100.00").then().statusCode(201);
    }

    private double gatewayRetries() {
        return metrics.counter("app.dependency.retries", Attributes.of(AttributeKey.stringKey("dependency"), "payment-gateway",
                AttributeKey.stringKey("operation"), "authorize"));
    }

    private static boolean isLockQuery(SpanData span) {
        String query = span.getAttributes().get(DbAttributes.DB_QUERY_TEXT);
        return query != null && query.toLowerCase(Locale.ROOT).contains("for update");
    }

    private static boolean isSimulatedGatewayServerSpan(SpanData span) {
        String path = span.getAttributes().get(UrlAttributes.URL_PATH);
        return span.getKind() == SpanKind.SERVER && path != null && path.startsWith("/simulated-gateway");
    }

    private static List<SpanData> inStartOrder(List<SpanData> spans) {
        return spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }
}
