package io.otelref.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that answers each path with canned JSON, so that the
 * clients are tested through the JDK HTTP stack rather than against a mock.
 */
public final class CannedHttpServer implements AutoCloseable {

    public record Response(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Supplier<Response>> responsesByPath = new ConcurrentHashMap<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    public CannedHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public CannedHttpServer respond(String path, int status, String body) {
        return respond(path, () -> new Response(status, body));
    }

    /** For answers that change between calls, e.g. a trace whose spans are still arriving. */
    public CannedHttpServer respond(String path, Supplier<Response> response) {
        responsesByPath.put(path, response);
        return this;
    }

    /** Every request received, path and raw query, in order. */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    public static String resource(String name) {
        try (InputStream in = CannedHttpServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI());
        Supplier<Response> canned = responsesByPath.get(exchange.getRequestURI().getPath());
        Response response = canned == null ? new Response(404, "{\"unexpected path\": true}") : canned.get();
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
