package io.otelref.platform.lifecycle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Readiness that waits until the database connection pool is open. A service that reports ready with an
 * empty pool makes its first requests each open a connection of their own, a PostgreSQL backend started and
 * a SCRAM handshake made per request, which under a burst of traffic on a busy machine takes seconds: load
 * sent the moment the stack reported ready failed a third of its first checkouts that way, on timeouts.
 * So at start this opens {@code quarkus.datasource.jdbc.min-size} connections, each held until the next is
 * open (so that the pool has to create every one) and checked, and only then turns UP. The pool keeps them
 * (min-size). If the database is unreachable at start, it keeps trying, and readiness stays DOWN, as it
 * should.
 */
@Readiness
@ApplicationScoped
public class DatabasePoolWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabasePoolWarmUp.class);
    private static final String NAME = "Database connection pool open";
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Instance<DataSource> dataSource;
    private final int minSize;
    private volatile int opened;
    private volatile boolean done;

    DatabasePoolWarmUp(Instance<DataSource> dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.min-size", defaultValue = "0") int minSize) {
        this.dataSource = dataSource;
        this.minSize = minSize;
    }

    void open(@Observes StartupEvent started) {
        if (!dataSource.isResolvable() || minSize == 0) {
            done = true;
            return;
        }
        Thread.ofVirtual().name("database-pool-warm-up").start(this::openPool);
    }

    private void openPool() {
        long start = System.nanoTime();
        while (!done && !Thread.currentThread().isInterrupted()) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int next = 0; next < minSize; next++) {
                    Connection connection = dataSource.get().getConnection();
                    held.add(connection);
                    connection.isValid(2);
                    opened = held.size();
                }
                done = true;
                LOG.infof("Database pool open: %d connections in %d ms", minSize, (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException unreachable) {
                LOG.warnf("Database pool not open yet (%d of %d connections), trying again in %s: %s", held.size(), minSize,
                        RETRY, unreachable.getMessage());
                sleep();
            } finally {
                held.forEach(DatabasePoolWarmUp::closeQuietly);
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(done)
                .withData("minSize", minSize)
                .withData("opened", done ? minSize : opened)
                .build();
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException alreadyBroken) {
            // Returned to the pool or discarded by it either way.
        }
    }
}
