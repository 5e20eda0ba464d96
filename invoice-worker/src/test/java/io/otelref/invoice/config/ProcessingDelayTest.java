package io.otelref.invoice.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The processing delay as records spend it: a lowered delay also shortens the waits already begun. */
class ProcessingDelayTest {

    private static final WorkerConfig CONFIG = new WorkerConfig() {
        @Override
        public Duration publishTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration processingDelay() {
            return Duration.ZERO;
        }

        @Override
        public int processingConcurrency() {
            return 8;
        }
    };

    private final WorkerBehaviour behaviour = new WorkerBehaviour(null, CONFIG, null);

    @Test
    void aRecordWaitsOutTheDelay() throws Exception {
        behaviour.setProcessingDelay(Duration.ofMillis(300));
        long started = System.nanoTime();
        behaviour.awaitProcessingDelay();
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void loweringTheDelayEndsTheWaitsAlreadyBegun() throws Exception {
        behaviour.setProcessingDelay(Duration.ofMinutes(10));
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                behaviour.awaitProcessingDelay();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
            return System.nanoTime() - started;
        });
        Thread.sleep(200);
        behaviour.setProcessingDelay(Duration.ZERO);
        long nanos = waited.get(5, TimeUnit.SECONDS);
        assertTrue(nanos < Duration.ofSeconds(5).toNanos(), "waited " + Duration.ofNanos(nanos));
    }

    @Test
    void raisingTheDelayLengthensTheWaitsAlreadyBegun() throws Exception {
        behaviour.setProcessingDelay(Duration.ofMillis(100));
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                behaviour.awaitProcessingDelay();
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
            return System.nanoTime() - started;
        });
        Thread.sleep(20);
        behaviour.setProcessingDelay(Duration.ofMillis(600));
        assertTrue(waited.get(5, TimeUnit.SECONDS) >= Duration.ofMillis(600).toNanos());
    }
}
