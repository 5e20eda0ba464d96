package io.otelref.invoice.config;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.invoice.messaging.ProcessingSlots;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * What the worker can be told at runtime, for the failure scenarios and the tests: an extra delay per
 * event (a slow worker, so consumer lag builds up), how many events are processed at once, and pausing
 * the consumption of {@code orders.placed} altogether. Pausing stops fetching, so records wait in
 * Kafka, visible as lag, rather than in memory.
 */
@ApplicationScoped
public class WorkerBehaviour {

    static final String ORDERS_PLACED_CHANNEL = "orders-placed";

    private final ChannelRegistry channels;
    private final WorkerConfig config;
    private final ProcessingSlots slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delayChanged = lock.newCondition();
    private volatile Duration processingDelay;

    WorkerBehaviour(ChannelRegistry channels, WorkerConfig config, ProcessingSlots slots) {
        this.channels = channels;
        this.config = config;
        this.slots = slots;
        this.processingDelay = config.processingDelay();
    }

    public Duration processingDelay() {
        return processingDelay;
    }

    public void setProcessingDelay(Duration processingDelay) {
        if (processingDelay.isNegative()) {
            throw new IllegalArgumentException("processing delay must not be negative: " + processingDelay);
        }
        lock.lock();
        try {
            this.processingDelay = processingDelay;
            delayChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Spends one record's processing delay. The delay is the one in force while waiting, not the one when
     * the wait began: lowering it, or a reset, also shortens the waits of records already being delayed,
     * so that after {@code POST /admin/reset} no record is still held back by a delay switched off.
     */
    public void awaitProcessingDelay() throws InterruptedException {
        long start = System.nanoTime();
        lock.lock();
        try {
            long remaining;
            while ((remaining = processingDelay.toNanos() - (System.nanoTime() - start)) > 0) {
                delayChanged.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many records are processed at once. The processing delay is spent holding one of these
     * slots, so a delay of 400 ms with a concurrency of 1 caps the worker at 2.5 records a second.
     */
    public int concurrency() {
        return slots.limit();
    }

    public void setConcurrency(int concurrency) {
        slots.resize(concurrency);
    }

    public void pause() {
        ordersPlaced().pause();
    }

    public void resume() {
        ordersPlaced().resume();
    }

    public boolean isPaused() {
        return ordersPlaced().isPaused();
    }

    /** Back to the configured delay and concurrency, consuming. */
    public void reset() {
        setProcessingDelay(config.processingDelay());
        slots.resize(config.processingConcurrency());
        resume();
    }

    private PausableChannel ordersPlaced() {
        return channels.getPausable(ORDERS_PLACED_CHANNEL);
    }
}
