package io.otelref.billing.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

/** The amount exceeds the account's available credit: an expected business outcome, not an error. */
public class PaymentDeclinedException extends ProblemException {

    public PaymentDeclinedException(String accountId, BigDecimal amount, BigDecimal availableCredit, String currency) {
        super(402, "payment-declined", "Payment declined",
                "the amount " + amount.toPlainString() + " " + currency + " exceeds the available credit of "
                        + availableCredit.toPlainString() + " " + currency + " of account " + accountId,
                List.of(new Problem.FieldError("amount", "exceeds the available credit of "
                        + availableCredit.toPlainString() + " " + currency)),
                Map.of(), null);
    }
}
