package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/** The order was invoiced: its money has been taken, and there is no hold left to void. */
public class AuthorizationCapturedException extends ProblemException {

    public AuthorizationCapturedException(UUID orderId) {
        super(409, "authorization-captured", "The payment was already captured",
                "the payment of order " + orderId + " was captured for its invoice and cannot be voided",
                List.of(new Problem.FieldError("orderId", "has an invoice")), Map.of(), null);
    }
}
