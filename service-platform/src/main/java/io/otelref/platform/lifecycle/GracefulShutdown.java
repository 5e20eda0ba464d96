package io.otelref.platform.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Lets the work a service has accepted end before what it needs goes away. On SIGTERM Quarkus first stops
 * taking HTTP requests and waits for those in flight ({@code quarkus.shutdown.timeout}), then fires
 * {@link ShutdownEvent}, then closes Hibernate, and only at the very end the Kafka connector and the
 * connection pool. Work that does not come in over HTTP (a Kafka record, an outbox pass) would go on
 * through all of that and fail on a closed entity manager factory. So every such piece of work is
 * registered here ({@link #begin()}), and at {@link ShutdownEvent}, before anything else observes it,
 * no new work is let in, waits in a retry loop are cut short ({@link #pause}), and the shutdown waits,
 * for at most {@code platform.shutdown.drain-timeout}, until the work in flight has ended. Work that is
 * cut short is left unfinished on purpose, for redelivery: a record stays unacknowledged, an outbox row
 * stays pending.
 */
@ApplicationScoped
public class GracefulShutdown {

    /** Observers of {@link ShutdownEvent} that must run before the drain (pausing Kafka channels) take a lower one. */
    public static final int DRAIN_PRIORITY = 10;

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    /** Held while one piece of work runs; closing it ends the work. */
    public interface Work extends AutoCloseable {
        @Override
        void close();
    }

    private final Duration drainTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int inFlight;
    private boolean stopping;

    GracefulShutdown(@ConfigProperty(name = "platform.shutdown.drain-timeout", defaultValue = "10s") Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    /** @return the registered work, or empty once shutdown has begun: then the work must not be started */
    public Optional<Work> begin() {
        lock.lock();
        try {
            if (stopping) {
                return Optional.empty();
            }
            inFlight++;
            AtomicBoolean ended = new AtomicBoolean();
            return Optional.of(() -> {
                if (ended.compareAndSet(false, true)) {
                    end();
                }
            });
        } finally {
            lock.unlock();
        }
    }

    /** True from the moment shutdown began: whatever fails from then on may be the shutdown itself. */
    public boolean stopping() {
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits {@code pause} (a retry's backoff) unless shutdown begins first.
     *
     * @return false if shutdown has begun: stop retrying and leave the work for redelivery
     */
    public boolean pause(Duration pause) throws InterruptedException {
        long remaining = pause.toNanos();
        lock.lock();
        try {
            while (!stopping && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return !stopping;
        } finally {
            lock.unlock();
        }
    }

    void drain(@Observes @Priority(DRAIN_PRIORITY) ShutdownEvent shutdown) throws InterruptedException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        lock.lock();
        try {
            stopping = true;
            changed.signalAll();
            if (inFlight > 0) {
                LOG.infof("Shutting down: no new work is taken; waiting up to %s for %d in flight", drainTimeout, inFlight);
            }
            long remaining = deadline - System.nanoTime();
            while (inFlight > 0 && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            if (inFlight > 0) {
                LOG.warnf("Shutting down with %d pieces of work unfinished after %s; they are left for redelivery",
                        inFlight, drainTimeout);
            }
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** For tests: how much work is registered now. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
