package io.otelref.invoice.messaging;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.invoice.config.WorkerConfig;

/**
 * How many {@code orders.placed} records are processed at once: a limit that, unlike the connector's
 * {@code max-concurrency}, can be changed while the worker runs. The connector hands up to that
 * outer cap of records to virtual threads; each waits here for a slot. A record waiting for a slot is
 * not yet acknowledged, so its offset stays uncommitted until it has been processed.
 *
 * <p>A lock and condition rather than a {@link java.util.concurrent.Semaphore}: a semaphore cannot
 * take permits back from records still holding them, while here a lowered limit simply lets no new
 * record in until enough have finished.
 */
@ApplicationScoped
public class ProcessingSlots {

    /** Held while one record is processed; closing it lets the next record in. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    private int limit;
    private int inUse;

    ProcessingSlots(WorkerConfig config) {
        resize(config.processingConcurrency());
    }

    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    public void resize(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("at least one record must be processed at a time: " + newLimit);
        }
        lock.lock();
        try {
            limit = newLimit;
            // A raised limit has room for several waiting records at once.
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until fewer than {@link #limit()} records are being processed, then takes a slot. */
    public Slot acquire() throws InterruptedException {
        lock.lock();
        try {
            while (inUse >= limit) {
                slotFreed.await();
            }
            inUse++;
        } finally {
            lock.unlock();
        }
        return this::release;
    }

    private void release() {
        lock.lock();
        try {
            inUse--;
            slotFreed.signal();
        } finally {
            lock.unlock();
        }
    }
}
