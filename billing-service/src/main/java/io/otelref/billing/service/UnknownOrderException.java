package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/** No payment authorization exists for the order, so there is nothing to invoice. */
public class UnknownOrderException extends ProblemException {

    public UnknownOrderException(UUID orderId) {
        super(404, "unknown-order", "Unknown order", "no payment was authorized for order " + orderId,
                List.of(new Problem.FieldError("orderId", "has no payment authorization")), Map.of(), null);
    }
}
