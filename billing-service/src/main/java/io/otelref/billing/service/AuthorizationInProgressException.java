package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/**
 * The order's authorization is still waiting for the payment gateway (its credit is reserved but not
 * yet approved). Asking again shortly gets the final answer.
 */
public class AuthorizationInProgressException extends ProblemException {

    public AuthorizationInProgressException(UUID orderId) {
        super(409, "authorization-in-progress", "Authorization in progress",
                "the payment of order " + orderId + " is still being authorized; try again in a second",
                List.of(new Problem.FieldError("orderId", "has an authorization in progress")),
                Map.of("Retry-After", "1"), null);
    }
}
