package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/**
 * The order's payment was voided: its caller had given the order up, so there is nothing to invoice.
 * Checkout stores an order and gives up its payment atomically, so this is an inconsistency to look at.
 */
public class AuthorizationVoidedException extends ProblemException {

    public AuthorizationVoidedException(UUID orderId) {
        super(409, "authorization-voided", "The payment was voided",
                "the payment of order " + orderId + " was voided, so the order cannot be invoiced",
                List.of(new Problem.FieldError("orderId", "has a voided payment")), Map.of(), null);
    }
}
