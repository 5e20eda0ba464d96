package io.otelref.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.otelref.loadgen.StubCheckoutServer;
import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.config.LoadOptionsParser;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.SecondStats;
import io.otelref.loadgen.results.TracedRequest;

class LoadRunTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");

    @Test
    void keepsTheOpenModelRateAgainstAFastServer() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            long started = System.nanoTime();
            RunResults results = run(server, "--rate", "200", "--duration", "2s");
            double wallSeconds = (System.nanoTime() - started) / 1e9;

            assertEquals(400, server.received().size(), "every scheduled arrival reaches the server");
            assertTrue(wallSeconds < 2.6, "400 arrivals at 200/s take about 2 s, took " + wallSeconds);
            List<SecondStats> seconds = results.perSecond();
            for (int second = 0; second < 2; second++) {
                long completed = seconds.get(second).completed();
                assertTrue(Math.abs(completed - 200) <= 30, "second " + second + " completed " + completed);
            }
            assertEquals(Map.of("placed", 400L), results.outcomes());
        }
    }

    /**
     * The server stalls 500 ms on its first request and serves one request at a time. Requests scheduled
     * during the stall leave on time but wait behind it; measured from their intended send time their
     * latencies fall from ~500 ms down, where a closed-model client would report one slow request.
     */
    @Test
    void latencyOfRequestsQueuedBehindAStallIncludesTheStall() throws Exception {
        AtomicBoolean stalled = new AtomicBoolean();
        try (StubCheckoutServer server = StubCheckoutServer.oneAtATime(
                request -> stalled.compareAndSet(false, true) ? StubCheckoutServer.sleepThen(500, 201) : 201)) {
            RunResults results = run(server, "--rate", "100", "--duration", "1s", "--slowest", "100");

            List<TracedRequest> all = results.slowest();
            assertEquals(100, all.size());
            assertTrue(all.getFirst().latencyMs() >= 490, "the stalled request itself: " + all.getFirst());
            long delayedByTheStall = all.stream().filter(request -> request.latencyMs() >= 250).count();
            assertTrue(delayedByTheStall >= 20,
                    "requests intended in the stall's first 250 ms waited at least 250 ms: " + delayedByTheStall);
            assertTrue(results.latency().p50Ms() < 250, "requests after the stall are fast again");
        }
    }

    @Test
    void resendsEveryChosenOrderWithTheSameIdempotencyKeyAndTrace() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            RunResults results = run(server, "--rate", "50", "--duration", "1s", "--retry-share", "1");

            Map<String, List<StubCheckoutServer.Received>> byKey = server.received().stream()
                    .collect(Collectors.groupingBy(StubCheckoutServer.Received::idempotencyKey));
            assertEquals(50, byKey.size());
            for (List<StubCheckoutServer.Received> attempts : byKey.values()) {
                assertEquals(2, attempts.size(), "sent twice with one key");
                assertEquals(attempts.get(0).body(), attempts.get(1).body(), "the same order both times");
                var first = TRACEPARENT.matcher(attempts.get(0).traceparent());
                var second = TRACEPARENT.matcher(attempts.get(1).traceparent());
                assertTrue(first.matches() && second.matches(), "W3C traceparent, sampled");
                assertEquals(first.group(1), second.group(1), "both attempts in the order's trace");
                assertTrue(!first.group(2).equals(second.group(2)), "each attempt its own parent span id");
            }
            assertEquals(50, results.resends());
            assertEquals(0, results.resendMismatch());
            assertEquals(50, results.requests(), "a resend belongs to its order; it is not another request");
        }
    }

    @Test
    void everyOrderStartsItsOwnTrace() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            run(server, "--rate", "50", "--duration", "1s");

            Set<String> traceIds = new HashSet<>();
            for (StubCheckoutServer.Received request : server.received()) {
                var traceparent = TRACEPARENT.matcher(request.traceparent());
                assertTrue(traceparent.matches(), request.traceparent());
                traceIds.add(traceparent.group(1));
            }
            assertEquals(50, traceIds.size());
        }
    }

    @Test
    void exportsAnOrderSpanAndAClientSpanPerAttemptOverOtlp() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            run(server, "--rate", "20", "--duration", "1s", "--retry-share", "1", "--otlp", server.url());

            String exported = server.otlpExports().stream()
                    .map(body -> new String(body, StandardCharsets.ISO_8859_1))
                    .collect(Collectors.joining());
            assertTrue(exported.contains("load_generator.place_order"), "the order's root span");
            assertTrue(exported.contains("http.request.resend_count"), "the resend's CLIENT span");
            assertTrue(exported.contains("app.synthetic"), "marked as synthetic traffic");
            assertTrue(exported.contains("load-generator"), "service.name");
        }
    }

    @Test
    void shedsArrivalsBeyondTheInFlightCapInsteadOfQueueingThem() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.concurrent(
                request -> StubCheckoutServer.sleepThen(400, 201))) {
            RunResults results = run(server, "--rate", "50", "--duration", "1s", "--max-in-flight", "5");

            long shed = results.outcomes().getOrDefault("shed", 0L);
            assertEquals(50, results.requests());
            assertEquals(server.received().size(), 50 - shed, "a shed arrival is never sent");
            assertTrue(shed >= 30, "5 slots of 400 ms serve about 15 of 50 arrivals, shed " + shed);
            assertTrue(results.errors() >= shed, "shed counts as an error");
        }
    }

    /**
     * The sampling decision is the user's (the root's): an unsampled order says so in its traceparent flags,
     * so the services record nothing of it, and the scenario runner is told which trace ids can exist.
     */
    @Test
    void headSamplingDecidesAtTheRootAndTravelsInTraceparent() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.placingEveryOrder()) {
            List<TracedRequest> answered = Collections.synchronizedList(new ArrayList<>());
            LoadRun run = new LoadRun(LoadOptionsParser.parse(List.of("--target", server.url(), "--seed", "7",
                    "--rate", "200", "--duration", "1s", "--sample-ratio", "0.25")).orElseThrow(), answered::add);
            run.run();

            assertEquals(200, answered.size(), "every answered request is reported");
            Set<String> sampledByFlag = server.received().stream()
                    .filter(request -> request.traceparent().endsWith("-01"))
                    .map(request -> request.traceparent().substring(3, 35))
                    .collect(Collectors.toSet());
            Set<String> sampledAsReported = answered.stream().filter(TracedRequest::sampled)
                    .map(TracedRequest::traceId).collect(Collectors.toSet());
            assertEquals(sampledByFlag, sampledAsReported);
            assertTrue(sampledByFlag.size() > 20 && sampledByFlag.size() < 80,
                    "about a quarter of 200 orders sampled, got " + sampledByFlag.size());
        }
    }

    /** The fault suite follows every placed order to its invoice: it needs each 201's order id. */
    @Test
    void eachPlacedOrderIsReportedWithItsOrderIdAndOnlyPlacedOnesHaveOne() throws Exception {
        try (StubCheckoutServer server = StubCheckoutServer.concurrent(request -> request.body().contains("acc-0001") ? 402 : 201)) {
            List<TracedRequest> answered = Collections.synchronizedList(new ArrayList<>());
            new LoadRun(LoadOptionsParser.parse(List.of("--target", server.url(), "--seed", "7", "--rate", "100",
                    "--duration", "1s", "--hot-accounts", "1", "--hot-share", "0.5")).orElseThrow(), answered::add).run();

            Set<String> placedByServer = server.received().stream().filter(request -> !request.body().contains("acc-0001"))
                    .map(StubCheckoutServer::orderIdOf).collect(Collectors.toSet());
            Set<String> reported = answered.stream().filter(TracedRequest::placed).map(TracedRequest::orderId)
                    .collect(Collectors.toSet());
            assertEquals(placedByServer, reported);
            assertTrue(answered.stream().filter(request -> !request.placed()).allMatch(request -> request.orderId() == null));
            assertTrue(answered.stream().anyMatch(request -> !request.placed()), "some orders were declined");
        }
    }

    private static RunResults run(StubCheckoutServer server, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--target", server.url(), "--seed", "7"));
        args.addAll(List.of(flags));
        LoadOptions options = LoadOptionsParser.parse(args).orElseThrow();
        LoadRun run = new LoadRun(options);
        run.run();
        return run.recorder().snapshot(System.nanoTime());
    }
}
