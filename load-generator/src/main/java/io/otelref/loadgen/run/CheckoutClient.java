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

    public record Attempt(Outcome outcome, int status) {
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
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Attempt(Outcome.ofStatus(status), status);
        } catch (IOException failure) {
            return new Attempt(Outcome.ofFailure(failure), 0);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Attempt(Outcome.CONNECTION_ERROR, 0);
        }
    }

    private static byte[] body(CheckoutOrder order) {
        try {
            return JSON.writeValueAsBytes(order);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException("records of strings and ints always serialize", impossible);
        }
    }
}
