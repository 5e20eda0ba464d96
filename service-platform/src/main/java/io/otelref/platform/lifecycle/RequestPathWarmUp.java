package io.otelref.platform.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Readiness that waits until the request path has run often enough to answer at its normal latency. A
 * JVM that has just started interprets its code and loads classes on the first requests; under a burst of
 * traffic right after "ready" (20 checkouts/s the moment ./demo up returned) the first seconds took 2 to 3 s
 * a checkout, checkout's pricing calls timed out, its circuit breaker opened, and most checkouts were
 * refused for a quarter of a minute. So at start the service sends itself a few hundred requests that take
 * its real path but change nothing (an order for an account that does not exist, a price) and only then
 * turns UP. They carry an unsampled {@code traceparent}: no span of them is recorded. They do show in the
 * request metrics, as what they are: rejected requests in the seconds after a start.
 */
@Readiness
@ApplicationScoped
public class RequestPathWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RequestPathWarmUp.class);

    /** {@code platform.warm-up.*}: what to send; a service without requests warms nothing. */
    @ConfigMapping(prefix = "platform.warm-up")
    public interface Config {

        /** Each entry {@code METHOD path [JSON body]}, e.g. {@code GET /api/prices/SKU-0001}. */
        Optional<List<String>> requests();

        /**
         * How often the whole list is sent. Measured on 2 cores, 20 checkouts/s from the moment of ready:
         * after 60 rounds the pricing breaker still opened in some starts (a third of the checkouts 503);
         * after 250 (8 to 10 s to ready instead of 4 to 5) none did in five starts, p50 under 600 ms from the
         * first second and back to about 120 ms within ten.
         */
        @WithDefault("250")
        int rounds();

        /** Requests in flight at once: enough to warm what only runs concurrently, few enough not to queue. */
        @WithDefault("4")
        int concurrency();

        /** Readiness turns UP after this at the latest, warm or not: a cold service is better than none. */
        @WithDefault("60s")
        Duration timeout();
    }

    private record Warming(String method, String path, String body) {

        static Warming parse(String entry) {
            String[] parts = entry.strip().split("\\s+", 3);
            if (parts.length < 2) {
                throw new IllegalArgumentException("platform.warm-up.requests entry must be 'METHOD path [body]': " + entry);
            }
            return new Warming(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        }
    }

    private final Config config;
    private final String host;
    private final int port;
    private final List<Warming> requests;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean done;

    RequestPathWarmUp(Config config, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.config = config;
        // The service's own address: loopback, unless it listens on one other address only.
        this.host = host.equals("0.0.0.0") || host.equals("localhost") ? "127.0.0.1" : host;
        this.port = port;
        this.requests = config.requests().orElse(List.of()).stream().map(Warming::parse).toList();
    }

    void warm(@Observes StartupEvent started) {
        if (requests.isEmpty() || config.rounds() == 0) {
            done = true;
            return;
        }
        Thread.ofVirtual().name("request-path-warm-up").start(this::sendAll);
    }

    private void sendAll() {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        try (ExecutorService senders = Executors.newFixedThreadPool(config.concurrency(), Thread.ofVirtual().factory())) {
            for (int worker = 0; worker < config.concurrency(); worker++) {
                senders.execute(() -> {
                    for (int next = sent.getAndIncrement(); next < config.rounds() * requests.size() && System.nanoTime() < deadline;
                            next = sent.getAndIncrement()) {
                        send(http, requests.get(next % requests.size()));
                    }
                });
            }
        }
        done = true;
        LOG.infof("Request path warmed up: %d requests in %d ms", Math.min(sent.get(), config.rounds() * requests.size()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void send(HttpClient http, Warming warming) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + warming.path()))
                .timeout(Duration.ofSeconds(10))
                .header("traceparent", unsampledTraceparent())
                .method(warming.method(), warming.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(warming.body()));
        if (warming.body() != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception notYet) {
            // The server may not listen yet, or a dependency may be away: this is warming, not testing.
            sleep();
        }
    }

    /** The flags byte 00: the caller has decided not to sample, and a parent-based sampler agrees. */
    private static String unsampledTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(random.nextLong() | 1) + hex.toHexDigits(random.nextLong()) + "-"
                + hex.toHexDigits(random.nextLong() | 1) + "-00";
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Request path warmed up").status(done)
                .withData("sent", Math.min(sent.get(), config.rounds() * Math.max(1, requests.size())))
                .withData("planned", config.rounds() * requests.size())
                .build();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
