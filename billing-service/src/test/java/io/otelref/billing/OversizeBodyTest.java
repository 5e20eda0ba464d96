package io.otelref.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * service-platform's OversizeBodyRejection: any request body over platform.http.max-request-body (64 KiB)
 * is the body-too-large problem, whether it declares its length or comes in chunks, however large; one
 * within the limit is read as usual. Sent with java.net.http over HTTP/1.1, as a client that streams a
 * body does, rather than with a client that buffers it first.
 */
@QuarkusTest
class OversizeBodyTest {

    private static final int LIMIT = 64 * 1024;

    @TestHTTPResource("/api/payments/authorizations")
    URI authorizations;

    @TestHTTPResource("/test/pre-read-body")
    URI nonBlockingEcho;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest(name = "{0} bytes with a Content-Length")
    @ValueSource(ints = { 180_000, 1_800_000, 18_000_000 })
    void aDeclaredBodyOverTheLimitIsTheBodyTooLargeProblem(int size) throws Exception {
        HttpResponse<String> response = post(authorizations, BodyPublishers.ofByteArray(authorizationOfSize(size)));
        assertBodyTooLarge(response);
    }

    @ParameterizedTest(name = "{0} bytes in chunks")
    @ValueSource(ints = { 180_000, 1_800_000 })
    void aChunkedBodyOverTheLimitIsTheBodyTooLargeProblem(int size) throws Exception {
        byte[] body = authorizationOfSize(size);
        // A publisher of unknown length: java.net.http sends it with Transfer-Encoding: chunked.
        HttpResponse<String> response = post(authorizations, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertBodyTooLarge(response);
    }

    @Test
    void aBodyJustWithinTheLimitIsReadAndAnswered() throws Exception {
        HttpResponse<String> response = post(authorizations, BodyPublishers.ofByteArray(authorizationOfSize(LIMIT)));
        assertEquals(201, response.statusCode(), response.body());
        assertEquals("AUTHORIZED", JsonPath.from(response.body()).getString("status"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAndAnswered() throws Exception {
        byte[] body = authorizationOfSize(LIMIT - 1000);
        HttpResponse<String> response = post(authorizations, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void anEmptyBodyIsAnsweredAtOnce() throws Exception {
        HttpResponse<String> response = post(authorizations, BodyPublishers.noBody());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("body", JsonPath.from(response.body()).getString("errors[0].field"));
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = { 100, 20_000, LIMIT - 11 })
    void aNonBlockingResourceMethodReadsTheBodyReadAheadWhole(int length) throws Exception {
        String name = "n".repeat(length - 1) + "!";
        HttpResponse<String> response = post(nonBlockingEcho, BodyPublishers.ofString("{\"name\":\"" + name + "\"}"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(name, response.body());
    }

    /**
     * java.net.http's default: it asks to upgrade to HTTP/2 (h2c), and the request is then an HTTP/2 stream,
     * which must not be read ahead (every such request used to be a 500).
     */
    @Test
    void overHttp2ABodyWithinTheLimitIsAnsweredAndADeclaredOversizeOneIsTheProblem() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> within = http2.send(HttpRequest.newBuilder(authorizations).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(authorizationOfSize(2000))).build(),
                BodyHandlers.ofString());
        assertEquals(201, within.statusCode(), within.body());
        assertEquals(HttpClient.Version.HTTP_2, within.version(), "the request was upgraded to HTTP/2");
        HttpResponse<String> oversize = http2.send(HttpRequest.newBuilder(authorizations).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(authorizationOfSize(180_000)))
                .build(), BodyHandlers.ofString());
        assertEquals(413, oversize.statusCode(), oversize.body());
        assertTrue(JsonPath.from(oversize.body()).getString("type").endsWith("/body-too-large"), oversize.body());
    }

    private HttpResponse<String> post(URI uri, BodyPublisher body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(body).build(), BodyHandlers.ofString());
    }

    private static void assertBodyTooLarge(HttpResponse<String> response) {
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("close", response.headers().firstValue("Connection").orElse(null));
        JsonPath problem = JsonPath.from(response.body());
        assertTrue(problem.getString("type").endsWith("/body-too-large"), response.body());
        assertEquals(413, problem.getInt("status"));
        assertEquals("body", problem.getString("errors[0].field"));
        assertTrue(problem.getString("errors[0].message").contains(String.valueOf(LIMIT)), response.body());
        assertTrue(problem.getString("traceId").matches("[0-9a-f]{32}"), response.body());
    }

    /** A valid authorization of exactly {@code size} bytes, padded with a field the API ignores. */
    private static byte[] authorizationOfSize(int size) {
        String start = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"accountId\":\"acc-0007\",\"amount\":1.00,\"currency\":\"EUR\",\"padding\":\"";
        String end = "\"}";
        return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
    }
}
