package io.otelref.platform.resilience;

import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.ProblemException;

/**
 * A dependency could not answer even after our retries, or its circuit breaker is open. The caller
 * gets a 503 with {@code Retry-After}: the request may well succeed later, and nothing was stored.
 */
public class DependencyUnavailableException extends ProblemException {

    /** Long enough for a circuit breaker in its open state to let a probe through again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        this(dependency, dependency + " is unavailable; try again in " + RETRY_AFTER_SECONDS + " seconds", cause);
    }

    /** @param detail what could not be done, for the log line and the problem's {@code detail} */
    public DependencyUnavailableException(String dependency, String detail, Throwable cause) {
        super(503, "dependency-unavailable", "A dependency is unavailable", detail,
                List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), cause);
        this.dependency = dependency;
    }

    /** What is unavailable, in words: {@code billing-service}, {@code the database}. */
    public String dependency() {
        return dependency;
    }
}
