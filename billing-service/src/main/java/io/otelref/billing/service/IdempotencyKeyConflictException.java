package io.otelref.billing.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/** An idempotency key already names the invoice of another order: the caller reused a key by mistake. */
public class IdempotencyKeyConflictException extends ProblemException {

    public IdempotencyKeyConflictException(UUID requestedOrder) {
        super(422, "idempotency-key-conflict", "Idempotency-Key reused for another order",
                "this Idempotency-Key was used for an invoice of another order, not of " + requestedOrder,
                List.of(new Problem.FieldError(InvoiceService.IDEMPOTENCY_KEY, "names an invoice of another order")), Map.of(), null);
    }
}
