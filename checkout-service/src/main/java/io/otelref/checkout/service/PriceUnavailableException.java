package io.otelref.checkout.service;

import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.resilience.DependencyUnavailableException;

/**
 * Billing could not price some SKUs and no recent price of theirs is known to fall back to. The same
 * {@code dependency-unavailable} problem as any billing outage, but naming the lines that could not be
 * priced, since the rest of the order could.
 */
public class PriceUnavailableException extends ProblemException {

    PriceUnavailableException(List<Problem.FieldError> unpriceable, Throwable cause) {
        super(503, "dependency-unavailable", "A dependency is unavailable",
                (unpriceable.size() == 1 ? unpriceable.getFirst().message() : unpriceable.size() + " products could not be priced")
                        + "; try again in " + DependencyUnavailableException.RETRY_AFTER_SECONDS + " seconds",
                unpriceable, Map.of("Retry-After", String.valueOf(DependencyUnavailableException.RETRY_AFTER_SECONDS)), cause);
    }
}
