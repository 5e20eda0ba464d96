package io.otelref.platform.resilience;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.otelref.platform.problem.ProblemException;

/**
 * The one rule by which every service judges a failure, so that an HTTP request and a Kafka record that
 * fail the same way are treated the same way: a request or record at fault is refused (4xx, dead letter),
 * an unavailable dependency is waited out (503 with {@code Retry-After}, the record retried in place), and
 * only what is neither is a defect (500). Getting the middle case right is what keeps a database restart
 * from turning into lost orders or into 500s.
 */
public final class Failures {

    /** What kind of failure a throwable is, and for an unavailable dependency, which one. */
    public record Judgement(Kind kind, String dependency) {

        public boolean isRejected() {
            return kind == Kind.REJECTED;
        }

        public boolean isUnavailable() {
            return kind == Kind.UNAVAILABLE;
        }
    }

    public enum Kind {
        /** The request or record itself is at fault: trying it again can never succeed. */
        REJECTED,
        /** A dependency is unreachable, overloaded, timing out or shutting down: the same work succeeds later. */
        UNAVAILABLE,
        /** Neither: a defect of ours. */
        DEFECT
    }

    public static final String DATABASE = "the database";
    /** Kafka clients' failures are translated where the send is made, into {@link DependencyUnavailableException}. */
    public static final String MESSAGE_BROKER = "the message broker";
    public static final String SHUTTING_DOWN = "this service (shutting down)";

    /**
     * SQLSTATE classes that say the database is unavailable or the statement lost a race, not that the
     * statement is wrong: 08 connection exception, 53 insufficient resources (too many connections),
     * 57 operator intervention (shutdown, cannot connect now, statement timeout), 40 transaction rollback
     * (serialization failure, deadlock). Hibernate's and JPA's timeout and lock exceptions carry these
     * SQLExceptions as their causes, so the JDBC layer alone decides, in every service, with or without JPA.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "40");
    /** 55P03 lock_not_available: a lock wait ran out (lock_timeout, NOWAIT); the row is free again later. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private Failures() {
    }

    /**
     * Judges {@code failure} by the first throwable in its cause chain, outermost first, whose type says
     * what it is. Anything unrecognised while the service is shutting down is that shutdown showing
     * through (a closed pool or entity manager factory), so it counts as unavailable too.
     */
    public static Judgement judge(Throwable failure, boolean shuttingDown) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isRejection(cause)) {
                return new Judgement(Kind.REJECTED, null);
            }
            String unavailable = unavailableDependency(cause);
            if (unavailable != null) {
                return new Judgement(Kind.UNAVAILABLE, unavailable);
            }
        }
        return shuttingDown ? new Judgement(Kind.UNAVAILABLE, SHUTTING_DOWN) : new Judgement(Kind.DEFECT, null);
    }

    private static boolean isRejection(Throwable cause) {
        return cause instanceof UnprocessableRecordException
                || cause instanceof DownstreamRejection
                || cause instanceof ProblemException problem && problem.status() < 500
                || cause instanceof JsonProcessingException
                || cause instanceof ConstraintViolationException;
    }

    private static String unavailableDependency(Throwable cause) {
        if (cause instanceof DependencyUnavailableException unavailable) {
            return unavailable.dependency();
        }
        if (cause instanceof FaultToleranceException) {
            return "a downstream dependency";
        }
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof SQLException sql && isTransient(sql.getSQLState())) {
            return DATABASE;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException) {
            return "a network peer";
        }
        return null;
    }

    private static boolean isTransient(String sqlState) {
        return sqlState != null && sqlState.length() == 5
                && (TRANSIENT_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2)) || sqlState.equals(LOCK_NOT_AVAILABLE));
    }
}
