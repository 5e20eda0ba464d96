package io.otelref.platform.resilience;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Caps the retries of calls to one dependency at a share of the first attempts, as Finagle's
 * RetryBudget and gRPC's retry throttling do. A per-call retry limit ("3 retries") multiplies the load
 * on a dependency that is failing for everyone: four requests where one was meant, from every caller
 * and every layer that retries, just when the dependency can least take them. A budget lets a retry
 * through only while the retries of the last {@code window} stay within {@code ratio} of its first
 * attempts, plus a floor of {@code minRetriesPerSecond} so that a quiet client can still retry at all.
 * When most calls succeed, the budget never binds; when most fail, retries add at most {@code ratio}
 * to the load.
 *
 * <p>Counts are kept in ten slices of the window, so the window slides in steps of a tenth of it.
 * Thread-safe.
 */
public final class RetryBudget {

    private static final int SLICES = 10;

    private final double ratio;
    private final double retriesAlwaysAllowed;
    private final long sliceNanos;
    private final LongSupplier nanoClock;
    private final long[] sliceNumbers = new long[SLICES];
    private final long[] firstAttempts = new long[SLICES];
    private final long[] retries = new long[SLICES];

    /**
     * @param ratio               retries allowed per first attempt, e.g. 0.1 for 10 %
     * @param minRetriesPerSecond retries allowed whatever the traffic, spread over the window
     * @param window              how far back first attempts and retries count
     */
    public RetryBudget(double ratio, double minRetriesPerSecond, Duration window) {
        this(ratio, minRetriesPerSecond, window, System::nanoTime);
    }

    /** As above, reading the time from {@code nanoClock} (a monotonic nanosecond count, like {@link System#nanoTime()}). */
    public RetryBudget(double ratio, double minRetriesPerSecond, Duration window, LongSupplier nanoClock) {
        if (!(ratio >= 0)) {
            throw new IllegalArgumentException("ratio must be zero or more: " + ratio);
        }
        if (!(minRetriesPerSecond >= 0)) {
            throw new IllegalArgumentException("minRetriesPerSecond must be zero or more: " + minRetriesPerSecond);
        }
        if (window.toNanos() < SLICES) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.ratio = ratio;
        this.retriesAlwaysAllowed = minRetriesPerSecond * window.toNanos() / 1e9;
        this.sliceNanos = window.toNanos() / SLICES;
        this.nanoClock = nanoClock;
        // No slice holds counts yet: every slot is marked as older than any slice the clock can name.
        Arrays.fill(sliceNumbers, Long.MIN_VALUE);
    }

    /** A call's first attempt was made; it earns {@code ratio} of a retry. */
    public synchronized void recordFirstAttempt() {
        firstAttempts[currentSlot()]++;
    }

    /** Whether one more retry would stay within the budget. It is not reserved: call {@link #recordRetry()} when it is made. */
    public synchronized boolean allowsRetry() {
        long now = currentSliceNumber();
        long firstAttemptsInWindow = 0;
        long retriesInWindow = 0;
        for (int slot = 0; slot < SLICES; slot++) {
            if (sliceNumbers[slot] > now - SLICES) {
                firstAttemptsInWindow += firstAttempts[slot];
                retriesInWindow += retries[slot];
            }
        }
        return retriesInWindow + 1 <= ratio * firstAttemptsInWindow + retriesAlwaysAllowed;
    }

    /** A retry was made. */
    public synchronized void recordRetry() {
        retries[currentSlot()]++;
    }

    /** The slot of the current slice, emptied first if it still holds the counts of a slice one window ago or older. */
    private int currentSlot() {
        long now = currentSliceNumber();
        int slot = (int) Math.floorMod(now, (long) SLICES);
        if (sliceNumbers[slot] != now) {
            sliceNumbers[slot] = now;
            firstAttempts[slot] = 0;
            retries[slot] = 0;
        }
        return slot;
    }

    private long currentSliceNumber() {
        return Math.floorDiv(nanoClock.getAsLong(), sliceNanos);
    }
}
