package io.otelref.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a real PostgreSQL database unavailable to the application under test and back again, without
 * stopping the server that other tests share: new connections are refused ({@code CONNECTION LIMIT 0},
 * SQLSTATE 53300) and every open one is terminated (57P01), which is what the application's pool meets
 * when the database restarts. The database's owner may do both, so the test needs no superuser. While
 * it lasts, this object's own connection stays open; closing it lets connections in again.
 *
 * <pre>{@code
 * try (DatabaseOutage outage = DatabaseOutage.begin(url, user, password)) {
 *     // every request that needs the database now fails as in an outage
 * }
 * }</pre>
 */
public final class DatabaseOutage implements AutoCloseable {

    private final Connection admin;
    private final String database;

    private DatabaseOutage(Connection admin, String database) {
        this.admin = admin;
        this.database = database;
    }

    public static DatabaseOutage begin(String jdbcUrl, String user, String password) {
        try {
            Connection admin = DriverManager.getConnection(jdbcUrl, user, password);
            String database = admin.getCatalog();
            DatabaseOutage outage = new DatabaseOutage(admin, database);
            outage.execute("alter database \"" + database + "\" connection limit 0");
            outage.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()");
            return outage;
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot take " + jdbcUrl + " away: " + unreachable.getMessage(), unreachable);
        }
    }

    @Override
    public void close() {
        try (admin) {
            execute("alter database \"" + database + "\" connection limit -1");
        } catch (SQLException failed) {
            throw new IllegalStateException("cannot give " + database + " back: " + failed.getMessage(), failed);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
