package io.otelref.platform.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    void theDrainWaitsForWorkInFlightAndLetsNoNewWorkIn() throws Exception {
        GracefulShutdown shutdown = new GracefulShutdown(Duration.ofSeconds(10));
        GracefulShutdown.Work running = shutdown.begin().orElseThrow();

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> drain(shutdown));
        Thread.sleep(300);
        assertFalse(drained.isDone(), "the drain waits while work is in flight");
        assertTrue(shutdown.stopping());
        assertEquals(Optional.empty(), shutdown.begin(), "no new work once shutdown began");

        running.close();
        drained.get(5, TimeUnit.SECONDS);
        assertEquals(0, shutdown.inFlight());
    }

    @Test
    void aRetryPauseIsCutShortByTheShutdown() throws Exception {
        GracefulShutdown shutdown = new GracefulShutdown(Duration.ofSeconds(10));
        CompletableFuture<Boolean> keepRetrying = CompletableFuture.supplyAsync(() -> pause(shutdown, Duration.ofMinutes(5)));
        Thread.sleep(200);

        long start = System.nanoTime();
        drain(shutdown);
        assertFalse(keepRetrying.get(5, TimeUnit.SECONDS), "the pause tells its caller to stop retrying");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aPauseWithoutShutdownLastsItsTime() throws Exception {
        GracefulShutdown shutdown = new GracefulShutdown(Duration.ofSeconds(10));
        long start = System.nanoTime();
        assertTrue(shutdown.pause(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void workStillRunningAtTheDeadlineIsLeftAndTheShutdownGoesOn() throws Exception {
        GracefulShutdown shutdown = new GracefulShutdown(Duration.ofMillis(300));
        GracefulShutdown.Work stuck = shutdown.begin().orElseThrow();
        long start = System.nanoTime();
        drain(shutdown);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        stuck.close();
        stuck.close();
        assertEquals(0, shutdown.inFlight(), "closing the same work twice ends it once");
    }

    private static void drain(GracefulShutdown shutdown) {
        try {
            shutdown.drain(null);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }

    private static boolean pause(GracefulShutdown shutdown, Duration pause) {
        try {
            return shutdown.pause(pause);
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }
}
