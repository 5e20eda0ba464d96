package io.otelref.loadgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for checkout-service on an ephemeral port: answers POST /api/checkout with the status
 * {@code respond} picks (it may sleep first) and remembers every request's headers and body.
 */
public final class StubCheckoutServer implements AutoCloseable {

    public record Received(String idempotencyKey, String traceparent, String body) {
    }

    private static final int BACKLOG = 1000;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> otlpExports = new CopyOnWriteArrayList<>();

    private StubCheckoutServer(boolean oneAtATime, ToIntFunction<Received> respond) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
        handlers = oneAtATime ? Executors.newSingleThreadExecutor() : Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/api/checkout", exchange -> answer(exchange, respond));
        server.createContext("/v1/traces", this::acceptOtlpExport);
        server.start();
    }

    /** Handles requests concurrently, like a real service. */
    public static StubCheckoutServer concurrent(ToIntFunction<Received> respond) throws IOException {
        return new StubCheckoutServer(false, respond);
    }

    /** Handles one request at a time, so a stall holds up every request behind it. */
    public static StubCheckoutServer oneAtATime(ToIntFunction<Received> respond) throws IOException {
        return new StubCheckoutServer(true, respond);
    }

    public static StubCheckoutServer placingEveryOrder() throws IOException {
        return concurrent(request -> 201);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Bodies of the OTLP/HTTP protobuf trace exports received, when the server doubles as a collector. */
    public List<byte[]> otlpExports() {
        return List.copyOf(otlpExports);
    }

    private void acceptOtlpExport(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if ("application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                otlpExports.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void answer(HttpExchange exchange, ToIntFunction<Received> respond) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            Received request = new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("traceparent"), new String(body.readAllBytes()));
            received.add(request);
            int status = respond.applyAsInt(request);
            if (status == 201) {
                exchange.getResponseHeaders().add("Location", "/api/orders/" + orderIdOf(request));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** The id of the order this stub "places" for a request, as its Location names it. */
    public static String orderIdOf(Received request) {
        return UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static int sleepThen(long millis, int status) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
