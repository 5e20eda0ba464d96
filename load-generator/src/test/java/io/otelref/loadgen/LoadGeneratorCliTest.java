package io.otelref.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LoadGeneratorCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void passesWhenLatencyAndErrorsStayUnderTheThresholds() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            int exit = run(server, "--max-p99", "2s", "--max-error-rate", "0");

            assertEquals(LoadGeneratorCli.PASSED, exit, stdout());
            assertTrue(stdout().contains("PASS"));
        }
    }

    @Test
    void failsWhenP99ExceedsMaxP99() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.concurrent(
                request -> StubCheckoutServer.sleepThen(30, 201))) {
            int exit = run(server, "--max-p99", "10ms");

            assertEquals(LoadGeneratorCli.THRESHOLD_BREACHED, exit);
            assertTrue(stdout().contains("exceeds --max-p99 10ms"), stdout());
        }
    }

    @Test
    void failsWhenTheErrorRateExceedsMaxErrorRate() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.concurrent(request -> 503)) {
            int exit = run(server, "--max-error-rate", "0.5");

            assertEquals(LoadGeneratorCli.THRESHOLD_BREACHED, exit);
            assertTrue(stdout().contains("server_error"), stdout());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--rate abc", "--rate", "--hot-share 1.5", "--duration 30",
            "--items-min 5 --items-max 2", "--target ftp://x", "--hot-share 0.5"})
    void badFlagsExitWithUsageNamingTheProblemAndTheValidOptions(String flags) {
        int exit = LoadGeneratorCli.run(List.of(flags.split(" ")), print(out), print(err));

        assertEquals(LoadGeneratorCli.BAD_USAGE, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("load-generator: "), message);
        assertTrue(message.lines().findFirst().orElseThrow().contains(flags.split(" ")[0]), message);
        assertTrue(message.contains("--max-error-rate <frac>") && message.contains("--retry-share"),
                "lists the valid options: " + message);
    }

    @Test
    void writesTheJsonReportWithConfigCountsPercentilesSeriesAndTraceIds(@TempDir Path dir) throws Exception {
        AtomicInteger sequence = new AtomicInteger();
        Path report = dir.resolve("run.json");
        try (StubCheckoutServer server = StubCheckoutServer.concurrent(
                request -> switch (sequence.incrementAndGet() % 4) {
                    case 0 -> 402;
                    case 1 -> 500;
                    default -> 201;
                })) {
            run(server, "--report", report.toString(), "--slowest", "3");
        }
        JsonNode json = new ObjectMapper().readTree(report.toFile());

        assertEquals("otelref.load-generator.report/v1", json.path("schema").asText());
        assertEquals(40.0, json.path("config").path("rate").asDouble());
        assertEquals("1s", json.path("config").path("duration").asText());
        JsonNode counts = json.path("counts");
        assertEquals(40, counts.path("requests").asInt());
        assertEquals(10, counts.path("byOutcome").path("server_error").asInt());
        assertEquals(10, counts.path("byOutcome").path("declined").asInt());
        assertEquals(20, counts.path("byOutcome").path("placed").asInt());
        assertEquals(10, counts.path("byStatus").path("500").asInt());
        assertEquals(0.25, counts.path("errorRate").asDouble(), 1e-9);
        for (String percentile : List.of("p50Ms", "p95Ms", "p99Ms", "p999Ms", "maxMs")) {
            assertTrue(json.path("latencyMs").path(percentile).isNumber(), percentile);
        }
        assertTrue(json.path("achievedPerSecond").asDouble() > 0);
        JsonNode firstSecond = json.path("perSecond").get(0);
        for (String field : List.of("second", "scheduled", "completed", "errors", "p50Ms", "p95Ms", "p99Ms")) {
            assertTrue(firstSecond.has(field), field);
        }
        assertEquals(3, json.path("slowest").size());
        assertTrue(json.path("slowest").get(0).path("traceId").asText().matches("[0-9a-f]{32}"));
        assertEquals(10, json.path("failed").size());
        assertEquals("server_error", json.path("failed").get(0).path("outcome").asText());
        assertTrue(json.path("thresholds").path("passed").asBoolean());
    }

    @Test
    void writesASelfContainedHtmlReportWithLatencyAndThroughputCharts(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("run.html");
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            run(server, "--html", html.toString());
        }
        String page = Files.readString(html);

        assertTrue(page.contains("<svg id=\"latency-chart\""), "latency-over-time chart");
        assertTrue(page.contains("<svg id=\"throughput-chart\""), "throughput chart");
        for (String line : List.of("p50", "p95", "p99", "target", "achieved")) {
            assertTrue(page.contains("<polyline class=\"" + line + "\""), line + " is drawn");
        }
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "nothing fetched from elsewhere");
    }

    private int run(StubCheckoutServer server, String... flags) {
        List<String> args = new ArrayList<>(List.of("--target", server.url(), "--rate", "40", "--duration", "1s"));
        args.addAll(List.of(flags));
        return LoadGeneratorCli.run(args, print(out), print(err));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
