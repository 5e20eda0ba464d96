package io.otelref.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    /** A clock the test moves by hand, started far from zero so that nothing depends on where it starts. */
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(3).toNanos() + 123);
    private final RetryBudget budget = new RetryBudget(0.1, 1, Duration.ofSeconds(10), nanos::get);

    @Test
    void withoutTrafficOnlyTheFloorOfOneRetryPerSecondIsAllowed() {
        assertEquals(10, retriesAllowedNow());
    }

    @Test
    void everyTenFirstAttemptsEarnOneRetryOnTopOfTheFloor() {
        recordFirstAttempts(200);

        assertEquals(10 + 20, retriesAllowedNow());
    }

    @Test
    void aRefusedBudgetReopensWhenItsRetriesLeaveTheWindow() {
        recordFirstAttempts(100);
        assertEquals(20, retriesAllowedNow());

        advance(Duration.ofSeconds(5));
        assertFalse(budget.allowsRetry(), "five seconds on, the twenty retries still count");

        advance(Duration.ofSeconds(5));
        assertEquals(10, retriesAllowedNow(), "a window later the retries and the first attempts that paid for them are gone");
    }

    @Test
    void theWindowSlidesSliceBySlice() {
        recordFirstAttempts(50);
        assertEquals(15, retriesAllowedNow());
        advance(Duration.ofSeconds(6));
        recordFirstAttempts(50);
        assertEquals(5, retriesAllowedNow(), "the window holds 100 first attempts and the 15 retries made so far");

        advance(Duration.ofSeconds(5));

        assertEquals(10, retriesAllowedNow(),
                "the first second left the window: the floor of 10, plus 5 for the 50 attempts still in it, minus the 5 retries made with them");
    }

    @Test
    void checkingTheBudgetDoesNotSpendIt() {
        for (int i = 0; i < 100; i++) {
            assertTrue(budget.allowsRetry());
        }
        assertEquals(10, retriesAllowedNow());
    }

    @Test
    void isSafeUnderConcurrentUse() throws InterruptedException {
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> recordFirstAttempts(1_000));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(10 + 800, retriesAllowedNow());
    }

    @Test
    void rejectsMeaninglessArguments() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBudget(-0.1, 1, Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBudget(Double.NaN, 1, Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBudget(0.1, -1, Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBudget(0.1, 1, Duration.ZERO));
    }

    /** Makes retries while the budget allows them, and says how many that was. */
    private int retriesAllowedNow() {
        int made = 0;
        while (budget.allowsRetry()) {
            budget.recordRetry();
            made++;
        }
        return made;
    }

    private void recordFirstAttempts(int count) {
        for (int i = 0; i < count; i++) {
            budget.recordFirstAttempt();
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
