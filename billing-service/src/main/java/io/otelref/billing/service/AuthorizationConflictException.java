package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/** The order was already authorized with other payment details; replaying it cannot change them. */
public class AuthorizationConflictException extends ProblemException {

    public AuthorizationConflictException(UUID orderId, List<String> differingFields) {
        super(409, "authorization-conflict", "Order already authorized differently",
                "order " + orderId + " is already authorized with a different " + String.join(" and ", differingFields),
                differingFields.stream()
                        .map(field -> new Problem.FieldError(field, "differs from the existing authorization of this order"))
                        .toList(),
                Map.of(), null);
    }
}
