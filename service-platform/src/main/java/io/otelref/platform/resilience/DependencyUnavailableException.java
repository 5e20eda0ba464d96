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

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(503, "dependency-unavailable", "A dependency is unavailable",
                dependency + " is unavailable; try again in " + RETRY_AFTER_SECONDS + " seconds",
                List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), cause);
    }
}
