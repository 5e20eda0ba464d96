package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The browser view of a trace for a trainee without Docker: the collector feeds Zipkin beside Jaeger
 * (deploy/otel-collector/zipkin.yaml), and Zipkin's own web UI, rendered by a real headless Chromium
 * (Debian's package, which ./demo test installs), shows one checkout's trace with all three services.
 */
class BrowserViewOfATraceEndToEndTest {

    private static final URI ZIPKIN = URI.create(System.getProperty("zipkin.url", "http://127.0.0.1:9411"));
    private static final List<String> SERVICES = List.of("checkout-service", "billing-service", "invoice-worker");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCheckoutsTraceShowsAllThreeServicesInZipkinsUi() throws Exception {
        Stack.CallerTrace caller = Stack.CallerTrace.random();
        Stack.Answer placed = Stack.checkout(caller, """
                {"accountId":"acc-0043","items":[{"sku":"SKU-0004","quantity":1}]}""");
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        // The invoice path ends in checkout's invoices.created consumer: once Zipkin has that span from all
        // three services, the whole trace is there.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> servicesInZipkin(caller.traceId()).containsAll(SERVICES));

        String page = HeadlessChromium.renderedPage(ZIPKIN.resolve("/zipkin/traces/" + caller.traceId()));
        for (String service : SERVICES) {
            assertTrue(page.contains(service), () -> "Zipkin's trace page does not show " + service + ":\n"
                    + page.substring(0, Math.min(page.length(), 2000)));
        }
        assertTrue(page.contains(caller.traceId()), "the page is the trace's own");
    }

    /** The services of a trace, as Zipkin's API has them; empty while it has none of its spans. */
    private static List<String> servicesInZipkin(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(ZIPKIN.resolve("/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> services = new ArrayList<>();
        if (answer.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(answer.body())) {
                String service = span.path("localEndpoint").path("serviceName").asText();
                if (!services.contains(service)) {
                    services.add(service);
                }
            }
        }
        return services;
    }
}
