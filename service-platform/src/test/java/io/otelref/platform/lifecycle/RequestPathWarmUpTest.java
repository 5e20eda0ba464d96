package io.otelref.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class RequestPathWarmUpTest {

    private record Received(String method, String path, String traceparent, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("traceparent"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(422, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readinessTurnsUpOnceEveryRoundHasBeenSentUnsampled() throws Exception {
        RequestPathWarmUp warmUp = new RequestPathWarmUp(config(List.of(
                "POST /api/checkout {\"accountId\":\"acc-0000\",\"items\":[]}", "GET /api/orders/x"), 5), "0.0.0.0",
                server.getAddress().getPort());
        assertEquals(HealthCheckResponse.Status.DOWN, warmUp.call().getStatus());

        warmUp.warm(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (warmUp.call().getStatus() == HealthCheckResponse.Status.DOWN && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(HealthCheckResponse.Status.UP, warmUp.call().getStatus());
        assertEquals(10, received.size(), "five rounds of two requests, however they answered");
        assertEquals(5, received.stream().filter(request -> request.method().equals("POST")
                && request.body().equals("{\"accountId\":\"acc-0000\",\"items\":[]}")).count());
        assertTrue(received.stream().allMatch(request -> request.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00")),
                "not sampled: no span of the warm-up is recorded");
    }

    @Test
    void aServiceWithoutWarmUpRequestsIsReadyAtOnce() {
        RequestPathWarmUp warmUp = new RequestPathWarmUp(config(List.of(), 250), "127.0.0.1", server.getAddress().getPort());
        warmUp.warm(null);
        assertEquals(HealthCheckResponse.Status.UP, warmUp.call().getStatus());
        assertTrue(received.isEmpty());
    }

    private static RequestPathWarmUp.Config config(List<String> requests, int rounds) {
        return new RequestPathWarmUp.Config() {
            @Override
            public Optional<List<String>> requests() {
                return requests.isEmpty() ? Optional.empty() : Optional.of(requests);
            }

            @Override
            public int rounds() {
                return rounds;
            }

            @Override
            public int concurrency() {
                return 2;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
