package io.otelref.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.otelref.conventions.ConventionsReport.Line;
import io.otelref.conventions.ConventionsReport.Origin;
import io.otelref.observability.jaeger.JaegerTraceParser;
import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/** Against the Jaeger answers of observability-client's fixtures (see its src/test/resources/jaeger/README.md). */
class ConventionsReportTest {

    private static final Path FIXTURES = Path.of("..", "observability-client", "src", "test", "resources", "jaeger");
    private static final SemanticConventions CONVENTIONS = SemanticConventions.load();

    @Test
    void theCapturedTracesUseCurrentKeysButMessagingSystem() throws IOException {
        List<Trace> traces = new ArrayList<>(traces("checkout-trace.json"));
        traces.addAll(traces("search-checkout-service.json"));

        ConventionsReport report = ConventionsReport.of(CONVENTIONS, traces);

        // Current in the 1.37 the services build with, replaced by messaging.system.name since.
        assertEquals(Map.of("checkout-service", Set.of("messaging.system"), "invoice-worker", Set.of("messaging.system")),
                report.offendingKeysByService(), report::format);
        assertEquals("use messaging.system.name", line(report, "invoice-worker", "messaging.system").judgement()
                .replacement().orElseThrow().describe().substring(0, "use messaging.system.name".length()));
        assertEquals(List.of("billing-service", "checkout-service", "invoice-worker"), report.services());
        assertEquals(Verdict.CURRENT_STABLE, line(report, "checkout-service", "db.system.name").judgement().verdict());
        assertEquals(Verdict.CURRENT_INCUBATING, line(report, "invoice-worker", "messaging.destination.name").judgement().verdict());
        assertEquals(Verdict.APP, line(report, "billing-service", "app.invoice.id").judgement().verdict());
    }

    @Test
    void todaysKeysAreFlaggedExactlyPerService() throws IOException {
        ConventionsReport report = ConventionsReport.of(CONVENTIONS, traces("legacy-semconv-trace.json"));

        assertEquals(Map.of(
                "checkout-service", Set.of("code.function", "code.namespace", "db.statement", "db.system",
                        "messaging.client_id", "messaging.operation", "messaging.system"),
                "billing-service", Set.of("code.function", "code.namespace", "db.statement", "db.system", "peer.service"),
                "invoice-worker", Set.of("messaging.client_id", "messaging.operation", "messaging.system")),
                report.offendingKeysByService());
        assertTrue(report.offenders().stream().allMatch(line -> line.judgement().verdict() == Verdict.DEPRECATED
                && line.judgement().replacement().isPresent()), report::format);
        Line statement = line(report, "billing-service", "db.statement");
        assertEquals(1, statement.spans());
        assertEquals("billing-service span key db.statement DEPRECATED (DbIncubatingAttributes.DB_STATEMENT is @Deprecated):"
                + " use db.query.text, on 1 span", statement.describe());
        assertEquals(2, line(report, "checkout-service", "db.system").spans() + line(report, "billing-service", "db.system").spans());
    }

    @Test
    void theSameTraceWithCurrentKeysIsClean() throws IOException {
        ConventionsReport report = ConventionsReport.of(CONVENTIONS, traces("current-semconv-trace.json"));

        assertTrue(report.isClean(), report::format);
        assertEquals(Verdict.CURRENT_STABLE, line(report, "checkout-service", "http.request.header.content-type")
                .judgement().verdict(), "a template key");
        assertEquals(Verdict.CURRENT_INCUBATING, line(report, "billing-service", "server.service.name").judgement().verdict());
        assertEquals(12, report.spanCount());
    }

    @Test
    void resourceAttributesAreCheckedAsWellAndJaegersOwnTagsAreNot() throws IOException {
        ConventionsReport report = ConventionsReport.of(CONVENTIONS, traces("current-semconv-trace.json"));

        Line sdk = report.lines("checkout-service").stream()
                .filter(line -> line.origin() == Origin.RESOURCE && line.key().equals("telemetry.sdk.version"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.CURRENT_STABLE, sdk.judgement().verdict());
        assertEquals(6, sdk.spans(), "every checkout-service span's process");
        assertEquals(Origin.RESOURCE, line(report, "invoice-worker", "service.instance.id").origin());
        for (String jaegers : JaegerTags.SYNTHESISED_SPAN_TAGS) {
            assertTrue(report.lines().stream().noneMatch(line -> line.key().equals(jaegers)), jaegers + "\n" + report.format());
        }
    }

    @Test
    void aDeprecatedResourceAttributeOrAnUndeclaredAppKeyIsAnOffenderToo() {
        TraceSpan span = new TraceSpan("t1", "s1", null, "checkout-service", "GET /", SpanKind.SERVER, Instant.EPOCH,
                Duration.ofMillis(1), Map.of("app.order.total", "12.50", "http.route", "/", "span.kind", "server"),
                Map.of("deployment.environment", "dev", "host.name", "devbox"));

        ConventionsReport report = ConventionsReport.of(CONVENTIONS, List.of(new Trace("t1", List.of(span))));

        assertEquals(List.of("app.order.total", "deployment.environment"), report.offenders().stream().map(Line::key).toList(),
                "span keys before resource keys, offenders before the rest");
        assertEquals(Verdict.UNKNOWN, report.offenders().getFirst().judgement().verdict());
        assertEquals(Origin.RESOURCE, report.offenders().get(1).origin());
        assertEquals(List.of("app.order.total", "deployment.environment", "http.route", "host.name"),
                report.lines("checkout-service").stream().map(Line::key).toList());
    }

    @Test
    void aSpanFoundInTwoTracesOfTheSetIsCountedOnce() throws IOException {
        List<Trace> twice = new ArrayList<>(traces("legacy-semconv-trace.json"));
        twice.addAll(traces("legacy-semconv-trace.json"));

        ConventionsReport report = ConventionsReport.of(CONVENTIONS, twice);

        assertEquals(12, report.spanCount());
        assertEquals(1, report.traceCount());
        assertEquals(2, line(report, "checkout-service", "code.function").spans() + line(report, "billing-service",
                "code.function").spans());
    }

    @Test
    void theTextReportNamesRegistryServicesAndOffendersFirst() throws IOException {
        ConventionsReport report = ConventionsReport.of(CONVENTIONS, traces("legacy-semconv-trace.json"));

        String text = report.format();
        System.out.println(text);

        assertTrue(text.startsWith("Attribute keys of 12 spans in 1 traces, against " + CONVENTIONS.versions()), text);
        assertTrue(text.contains("\n15 offending keys (DEPRECATED or UNKNOWN)\n"), text);
        String billing = text.substring(text.indexOf("\nbilling-service"), text.indexOf("\ncheckout-service"));
        assertTrue(billing.contains("(5 offending of"), billing);
        assertTrue(billing.indexOf("peer.service") < billing.indexOf("http.route"), billing);
        assertTrue(billing.contains("use server.service.name or client.service.name"), billing);
        assertFalse(text.contains("otel.scope.name"), text);
    }

    private static Line line(ConventionsReport report, String service, String key) {
        return report.lines(service).stream().filter(line -> line.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " for " + service + "\n" + report.format()));
    }

    private static List<Trace> traces(String fixture) throws IOException {
        return JaegerTraceParser.fromResponse(new ObjectMapper().readTree(Files.readString(FIXTURES.resolve(fixture))));
    }
}
