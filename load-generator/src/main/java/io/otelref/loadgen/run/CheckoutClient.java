package io.otelref.loadgen.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.loadgen.traffic.CheckoutOrder;

/** Sends one checkout attempt and classifies its answer; never throws for what the server or network did. */
public final class CheckoutClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI checkoutUri;
    private final Duration timeout;

    public CheckoutClient(URI target, Duration timeout) {
        // HTTP/1.1 because the services speak plain HTTP: an h2c upgrade attempt would only add a round trip.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.checkoutUri = checkoutUri(target);
        this.timeout = timeout;
    }

    public static URI checkoutUri(URI target) {
        return target.resolve("/api/checkout");
    }

    /** @param orderId the order a 201 placed, from its {@code Location}; null otherwise */
    public record Attempt(Outcome outcome, int status, String orderId) {
    }

    public Attempt send(CheckoutOrder order, String idempotencyKey, String traceparent) {
        HttpRequest request = HttpRequest.newBuilder(checkoutUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(order)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            String orderId = response.statusCode() == 201
                    ? response.headers().firstValue("Location").map(CheckoutClient::lastSegment).orElse(null)
                    : null;
            return new Attempt(Outcome.ofStatus(response.statusCode()), response.statusCode(), orderId);
        } catch (IOException failure) {
            return new Attempt(Outcome.ofFailure(failure), 0, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.CONNECTION_ERROR, 0, null);
        }
    }

    private static String lastSegment(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static byte[] body(CheckoutOrder order) {
        try {
            return JSON.writeValueAsBytes(order);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("records of strings and ints always serialize", impossible);
        }
    }
}
