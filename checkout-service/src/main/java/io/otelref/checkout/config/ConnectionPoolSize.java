package io.otelref.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSource.FlushMode;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;

/**
 * Resizes the connection pool of the default datasource while the service runs. A pool smaller than
 * the load needs makes requests queue for a connection before their first statement: the statement
 * spans look as fast as ever, the wait sits in the {@code DataSource.getConnection} span of the
 * OpenTelemetry JDBC wrapper (or, without it, in a gap of the parent span), and across requests in
 * the datasource metrics ({@code agroal_awaiting_count}, {@code agroal_blocking_time_*} on
 * {@code /q/metrics}). Starts from {@code quarkus.datasource.jdbc.max-size}; a maximum below the pool's
 * {@code min-size} (kept open from the start, see service-platform's DatabasePoolWarmUp) lowers the
 * minimum with it, until the size is raised again.
 */
@ApplicationScoped
public class ConnectionPoolSize {

    private final AgroalDataSource dataSource;
    private final int configuredMaxSize;
    private final int configuredMinSize;

    ConnectionPoolSize(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.configuredMaxSize = pool().maxSize();
        this.configuredMinSize = pool().minSize();
    }

    public int maxSize() {
        return pool().maxSize();
    }

    /**
     * Agroal applies a new maximum as connections are returned; closing the idle ones as well makes a
     * smaller pool take effect at once instead of after its surplus connections have been used once more.
     */
    public void maxSize(int connections) {
        int minSize = Math.min(configuredMinSize, connections);
        // The minimum may never exceed the maximum, so it moves first on the way down and last on the way up.
        if (connections < pool().maxSize()) {
            pool().setMinSize(minSize);
            pool().setMaxSize(connections);
            dataSource.flush(FlushMode.IDLE);
        } else {
            pool().setMaxSize(connections);
            pool().setMinSize(minSize);
        }
    }

    /** Back to the configured size. */
    public void reset() {
        maxSize(configuredMaxSize);
    }

    private AgroalConnectionPoolConfiguration pool() {
        return dataSource.getConfiguration().connectionPoolConfiguration();
    }
}
