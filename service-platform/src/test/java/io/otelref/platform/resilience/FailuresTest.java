package io.otelref.platform.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonParseException;

import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.resilience.Failures.Kind;

/** Both ways: what is the request's or record's fault, and what only a dependency's absence. */
class FailuresTest {

    /** How Hibernate and Narayana hand a JDBC failure up: wrapped, sometimes twice. */
    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("could not execute statement", cause));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a record that can never be processed",
                        new UnprocessableRecordException("malformed-event", "not JSON"), Kind.REJECTED, null),
                Arguments.of("a dependency refusing the request (404 unknown-order)",
                        new DownstreamRejection("billing-service", 404, "unknown-order", "no such order", null), Kind.REJECTED, null),
                Arguments.of("a 4xx problem of ours", ProblemException.forField(422, "unknown-sku", "Unknown", "items[0].sku", "is not known"),
                        Kind.REJECTED, null),
                Arguments.of("unparseable JSON", new JsonParseException(null, "Unexpected character"), Kind.REJECTED, null),
                Arguments.of("a bean validation failure", new ConstraintViolationException(Set.of()), Kind.REJECTED, null),
                Arguments.of("a record rejected whatever the database does",
                        new UnprocessableRecordException("invalid-event", "bad", new SQLException("refused", "08001")), Kind.REJECTED, null),
                Arguments.of("PostgreSQL refusing the connection (08001)", wrapped(new SQLException("refused", "08001")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("an I/O error on an open connection (08006)", wrapped(new SQLException("I/O error", "08006")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("the server shutting down (57P01)", wrapped(new SQLException("terminating connection", "57P01")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("too many connections (53300)", wrapped(new SQLException("too many connections", "53300")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("a deadlock (40P01)", wrapped(new SQLException("deadlock detected", "40P01")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("a lock wait that ran out (55P03)", wrapped(new SQLException("lock not available", "55P03")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("the pool timing out", wrapped(new SQLTransientConnectionException("acquisition timeout")),
                        Kind.UNAVAILABLE, Failures.DATABASE),
                Arguments.of("billing-service unavailable after the retries",
                        new DependencyUnavailableException("billing-service", null), Kind.UNAVAILABLE, "billing-service"),
                Arguments.of("an open circuit breaker", new CircuitBreakerOpenException("open"), Kind.UNAVAILABLE,
                        "a downstream dependency"),
                Arguments.of("a fault-tolerance timeout", new TimeoutException("timed out"), Kind.UNAVAILABLE,
                        "a downstream dependency"),
                Arguments.of("a refused TCP connection", wrapped(new ConnectException("Connection refused")), Kind.UNAVAILABLE,
                        "a network peer"),
                Arguments.of("a statement that is simply wrong (42P01, undefined table)",
                        wrapped(new SQLException("relation does not exist", "42P01")), Kind.DEFECT, null),
                Arguments.of("a null pointer", new NullPointerException(), Kind.DEFECT, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void judges(String what, Throwable failure, Kind kind, String dependency) {
        Failures.Judgement judgement = Failures.judge(failure, false);
        assertEquals(kind, judgement.kind(), what);
        assertEquals(dependency, judgement.dependency(), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void whileShuttingDownOnlyWhatWouldBeADefectChangesToUnavailable(String what, Throwable failure, Kind kind, String dependency) {
        Failures.Judgement judgement = Failures.judge(failure, true);
        assertEquals(kind == Kind.DEFECT ? Kind.UNAVAILABLE : kind, judgement.kind(), what);
        assertEquals(kind == Kind.DEFECT ? Failures.SHUTTING_DOWN : dependency, judgement.dependency(), what);
    }

    @Test
    void theEntityManagerFactoryClosedUnderAShutdownIsTheShutdown() {
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        assertEquals(Kind.DEFECT, Failures.judge(closed, false).kind());
        assertEquals(Kind.UNAVAILABLE, Failures.judge(closed, true).kind());
    }
}
