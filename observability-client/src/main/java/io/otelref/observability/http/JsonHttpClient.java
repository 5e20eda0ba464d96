package io.otelref.observability.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GETs JSON from one backend's HTTP API and turns every transport failure into a {@link BackendException}. */
public final class JsonHttpClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int BODY_EXCERPT_LENGTH = 300;

    private final String backendName;
    private final String baseUrl;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param backendName how messages call the backend, e.g. {@code Jaeger}
     * @param baseUrl     e.g. {@code http://127.0.0.1:16686}; a path prefix is kept
     */
    public JsonHttpClient(String backendName, URI baseUrl) {
        this.backendName = Objects.requireNonNull(backendName, "backendName");
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * GETs {@code path} with {@code query} parameters (encoded here) and parses the body. Any status
     * is returned as long as the body is JSON, because both backends explain errors in JSON bodies
     * the caller knows how to read.
     */
    public JsonResponse get(String path, Map<String, String> query) {
        URI uri = URI.create(baseUrl + path + queryString(query));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        try {
            return new JsonResponse(response.statusCode(), json.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new BackendException(backendName + " at " + baseUrl + " answered GET " + uri.getRawPath()
                    + " with status " + response.statusCode() + " and a body that is not JSON: "
                    + excerpt(response.body()), e);
        }
    }

    /**
     * GETs {@code path} with {@code query} parameters and returns the body of a 2xx answer as text, for APIs that
     * answer in JSON Lines (one JSON document per line) rather than one document.
     *
     * @throws BackendException for any other status, with the start of the body the backend explained it in
     */
    public String getText(String path, Map<String, String> query) {
        URI uri = URI.create(baseUrl + path + queryString(query));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build());
        if (response.statusCode() / 100 != 2) {
            throw new BackendException(backendName + " at " + baseUrl + " answered GET " + uri.getRawPath()
                    + " with status " + response.statusCode() + ": " + excerpt(response.body()));
        }
        return response.body();
    }

    /** A failure message naming the backend, its URL and the request, for callers that read a 4xx/5xx body. */
    public BackendException failure(String request, String problem) {
        return new BackendException(backendName + " at " + baseUrl + " " + problem + " (" + request + ")");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackendException("cannot reach " + backendName + " at " + baseUrl + " (GET "
                    + request.uri().getRawPath() + "): " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while waiting for " + backendName + " at " + baseUrl, e);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // The JDK client throws ConnectException chains in which no exception has a message.
    private static String reason(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return failure instanceof ConnectException ? "connection refused" : failure.getClass().getSimpleName();
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= BODY_EXCERPT_LENGTH ? oneLine : oneLine.substring(0, BODY_EXCERPT_LENGTH) + "…";
    }
}
