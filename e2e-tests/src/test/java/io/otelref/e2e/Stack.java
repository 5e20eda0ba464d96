package io.otelref.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.VictoriaLogsClient;
import io.otelref.observability.prometheus.PrometheusClient;

/**
 * The stack started by {@code ./demo up}, as the end-to-end tests reach it. Every address can be
 * moved with a system property of the same name, so the suite also runs against another deployment.
 */
final class Stack {

    static final URI CHECKOUT = URI.create(System.getProperty("checkout.url", "http://127.0.0.1:8080"));
    static final URI JAEGER = URI.create(System.getProperty("jaeger.url", "http://127.0.0.1:16686"));
    static final URI PROMETHEUS = URI.create(System.getProperty("prometheus.url", "http://127.0.0.1:9090"));
    static final URI VICTORIALOGS = URI.create(System.getProperty("victorialogs.url", VictoriaLogsClient.DEFAULT_URL));

    static final JaegerClient jaeger = new JaegerClient(JAEGER);
    static final PrometheusClient prometheus = new PrometheusClient(PROMETHEUS);
    static final VictoriaLogsClient logs = new VictoriaLogsClient(VICTORIALOGS);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Stack() {
    }

    /** A W3C trace the test chooses, so it can look the request up in Jaeger afterwards. */
    record CallerTrace(String traceId, String spanId) {

        static CallerTrace random() {
            return new CallerTrace(hex(16), hex(8));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int bytes) {
            byte[] random = new byte[bytes];
            ThreadLocalRandom.current().nextBytes(random);
            return HexFormat.of().formatHex(random);
        }
    }

    record Answer(int status, JsonNode body) {
    }

    static Answer checkout(CallerTrace caller, String body) {
        return send(HttpRequest.newBuilder(CHECKOUT.resolve("/api/checkout"))
                .header("Content-Type", "application/json")
                .header("traceparent", caller.traceparent())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer order(String orderId) {
        return send(HttpRequest.newBuilder(CHECKOUT.resolve("/api/orders/" + orderId)).GET());
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException unreachable) {
            throw new IllegalStateException("checkout-service at " + CHECKOUT + " did not answer; is ./demo up running?",
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
