package io.otelref.observability;

import static io.otelref.observability.CannedHttpServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceCliTest {

    private static final String CHECKOUT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SLOW_WORKER_TRACE_ID = "7c1e2d3f4a5b6c7d8e9f0a1b2c3d4e5f";

    private final CannedHttpServer jaegerServer = new CannedHttpServer()
            .respond("/api/traces/" + CHECKOUT_TRACE_ID, 200, resource("jaeger/checkout-trace.json"))
            .respond("/api/traces/0123456789abcdef0123456789abcdef", 404, resource("jaeger/trace-not-found.json"))
            .respond("/api/traces", 200, resource("jaeger/search-checkout-service.json"))
            .respond("/api/services", 200, resource("jaeger/services.json"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stopServer() {
        jaegerServer.close();
    }

    @Test
    void printsTheWaterfallOfATrace() {
        assertEquals(0, run("trace", "--jaeger", jaegerServer.url().toString(), CHECKOUT_TRACE_ID));

        String[] lines = out().split("\n");
        assertTrue(lines[0].startsWith("trace " + CHECKOUT_TRACE_ID), lines[0]);
        assertTrue(lines[0].contains("450.000 ms (root span 120.000 ms)  20 spans"), lines[0]);
        assertTrue(lines[0].contains("2 errors"), lines[0]);
        assertEquals(3 + 20, lines.length);
        assertTrue(out().chars().allMatch(c -> c < 128), "not a terminal: plain ASCII");
        assertEquals("", err());
    }

    @Test
    void takesJaegersUrlFromTheEnvironment() {
        int status = new TraceCli(Map.of("JAEGER_URL", jaegerServer.url().toString()), print(out), print(err), false)
                .run("trace", CHECKOUT_TRACE_ID);

        assertEquals(0, status, err());
    }

    @Test
    void colourIsForTerminalsUnlessNoColorIsSet() {
        Map<String, String> environment = Map.of("JAEGER_URL", jaegerServer.url().toString());
        new TraceCli(environment, print(out), print(err), true).run("trace", CHECKOUT_TRACE_ID);
        assertTrue(out().contains("\u001B["), "a terminal gets ANSI colours");

        out.reset();
        new TraceCli(Map.of("JAEGER_URL", jaegerServer.url().toString(), "NO_COLOR", "1"), print(out), print(err), true)
                .run("trace", CHECKOUT_TRACE_ID);
        assertTrue(!out().contains("\u001B["), "NO_COLOR wins");

        out.reset();
        new TraceCli(environment, print(out), print(err), false).run("trace", "--color", "always", CHECKOUT_TRACE_ID);
        assertTrue(out().contains("\u001B["), "--color always wins");
    }

    @Test
    void anUnknownTraceExitsOneSayingWhichJaegerWasAsked() {
        assertEquals(1, run("trace", "--jaeger", jaegerServer.url().toString(), "0123456789abcdef0123456789abcdef"));

        assertTrue(err().contains("Jaeger at " + jaegerServer.url() + " has no trace 0123456789abcdef0123456789abcdef"), err());
        assertEquals("", out());
    }

    @Test
    void anUnreachableJaegerExitsOneNamingItsUrl() {
        URI nobodyListens = jaegerServer.url();
        jaegerServer.close();

        assertEquals(1, run("trace", "--jaeger", nobodyListens.toString(), CHECKOUT_TRACE_ID));

        assertTrue(err().startsWith("trace: cannot reach Jaeger at " + nobodyListens), err());
    }

    @Test
    void slowestRanksByTheServicesOwnLongestSpan() {
        // The slow-worker trace has the faster checkout (60 ms) but the slower invoice (770 ms).
        assertEquals(0, run("trace", "--jaeger", jaegerServer.url().toString(), "--slowest", "checkout-service"));
        assertTrue(out().contains("trace " + CHECKOUT_TRACE_ID), out());
        assertTrue(out().startsWith("slowest of 2 recent traces of checkout-service: its longest span, POST /api/checkout, took 120.000 ms"),
                out());

        out.reset();
        assertEquals(0, run("trace", "--jaeger", jaegerServer.url().toString(), "--slowest", "invoice-worker", "--lookback", "30m"));
        assertTrue(out().contains("trace " + SLOW_WORKER_TRACE_ID), out());
        assertTrue(out().contains("its longest span, orders.placed process, took 770.000 ms"), out());
        assertTrue(jaegerServer.requests().getLast().getQuery().contains("limit=100"));
    }

    @Test
    void slowestCanBeNarrowedToOneOperation() {
        assertEquals(0, run("trace", "--jaeger", jaegerServer.url().toString(),
                "--slowest", "checkout-service", "--operation", "POST /api/checkout", "--limit", "20"));

        String query = jaegerServer.requests().getLast().getQuery();
        assertTrue(query.contains("operation=POST+/api/checkout") && query.contains("limit=20"), query);
    }

    @Test
    void slowestWithoutTracesExitsOneListingTheKnownServices() {
        jaegerServer.respond("/api/traces", 200, "{\"data\":[],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");

        assertEquals(1, run("trace", "--jaeger", jaegerServer.url().toString(), "--slowest", "checkout-servce"));

        assertTrue(err().contains("has no trace of checkout-servce that started in the last 1h"), err());
        assertTrue(err().contains("services it knows: billing-service, checkout-service, invoice-worker"), err());
    }

    @Test
    void withLogsEachSpansRecordsAreUnderIt() {
        try (CannedHttpServer logStore = new CannedHttpServer().respond("/select/logsql/query", 200, checkoutLogRecords())) {
            assertEquals(0, run("trace", "--jaeger", jaegerServer.url().toString(), "--victorialogs", logStore.url().toString(),
                    "--logs", CHECKOUT_TRACE_ID), err());

            String[] lines = out().split("\n");
            int root = IntStream.range(0, lines.length)
                    .filter(i -> lines[i].contains("POST /api/checkout")).findFirst().orElseThrow();
            assertTrue(lines[root + 1].contains("> INFO Order o-1 placed"), lines[root + 1]);
            assertEquals(3 + 20 + 1, lines.length, out());
            String query = logStore.requests().getLast().getQuery();
            assertTrue(query.contains("trace_id:" + CHECKOUT_TRACE_ID), query);
        }
    }

    @Test
    void logsListsATracesRecordsAloneAndExitsOneWithoutAny() {
        try (CannedHttpServer logStore = new CannedHttpServer().respond("/select/logsql/query", 200, checkoutLogRecords())) {
            assertEquals(0, run("logs", "--trace", CHECKOUT_TRACE_ID, "--victorialogs", logStore.url().toString()), err());
            assertTrue(out().contains("checkout-service  span 000000000000a001  INFO   Order o-1 placed"), out());

            out.reset();
            logStore.respond("/select/logsql/query", 200, "");
            assertEquals(1, run("logs", "--trace", CHECKOUT_TRACE_ID, "--victorialogs", logStore.url().toString()));
            assertTrue(err().contains("has no log record of trace " + CHECKOUT_TRACE_ID), err());

            run("logs", "--trace", "A001", "--victorialogs", logStore.url().toString());
            String query = logStore.requests().getLast().getQuery();
            assertTrue(query.contains("trace_id:" + "0".repeat(28) + "a001+"), "as Jaeger shows it, padded to 32: " + query);
        }
        assertUsageError("logs needs --trace <traceId>", "logs");
    }

    private static String checkoutLogRecords() {
        return "{\"_msg\":\"Order o-1 placed\",\"_time\":\"2026-01-01T00:00:00.1Z\",\"service.name\":\"checkout-service\","
                + "\"trace_id\":\"" + CHECKOUT_TRACE_ID + "\",\"span_id\":\"000000000000a001\",\"severity_text\":\"INFO\"}\n";
    }

    @Test
    void badUsageExitsTwoWithTheUsageText() {
        assertUsageError("no command given");
        assertUsageError("unknown command 'trcae'", "trcae", CHECKOUT_TRACE_ID);
        assertUsageError("give either a trace id or --slowest <service>", "trace");
        assertUsageError("give either a trace id or --slowest <service>", "trace", CHECKOUT_TRACE_ID, "--slowest", "checkout-service");
        assertUsageError("one trace id at a time", "trace", CHECKOUT_TRACE_ID, SLOW_WORKER_TRACE_ID);
        assertUsageError("unknown option '--verbose'", "trace", "--verbose", CHECKOUT_TRACE_ID);
        assertUsageError("--jaeger needs a value", "trace", CHECKOUT_TRACE_ID, "--jaeger");
        assertUsageError("the Jaeger URL must look like http://host:port", "trace", "--jaeger", "localhost:16686", CHECKOUT_TRACE_ID);
        assertUsageError("--lookback takes a positive duration", "trace", "--slowest", "checkout-service", "--lookback", "1 hour");
        assertUsageError("--limit takes a positive whole number", "trace", "--slowest", "checkout-service", "--limit", "0");
        assertUsageError("--operation, --lookback and --limit only apply to --slowest", "trace", "--lookback", "1h", CHECKOUT_TRACE_ID);
        assertUsageError("--color takes auto, always or never", "trace", "--color", "sometimes", CHECKOUT_TRACE_ID);
        assertUsageError("not a trace id (1 to 32 hex digits): 'order-42'", "trace", "--jaeger", jaegerServer.url().toString(), "order-42");
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertEquals(0, run("trace", "--help"));

        assertTrue(out().startsWith("usage: trace [options] <traceId>"), out());
        assertTrue(out().contains("exit status: 0 printed, 1 trace not found or a backend unreachable, 2 bad usage"), out());
    }

    private void assertUsageError(String expectedMessage, String... args) {
        out.reset();
        err.reset();

        assertEquals(2, run(args), err());

        assertTrue(err().startsWith("trace: " + expectedMessage), err());
        assertTrue(err().contains("usage: trace [options] <traceId>"), err());
        assertEquals("", out());
    }

    private int run(String... args) {
        return new TraceCli(Map.of(), print(out), print(err), false).run(args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
