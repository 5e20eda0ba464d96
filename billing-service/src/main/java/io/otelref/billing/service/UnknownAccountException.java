package io.otelref.billing.service;

import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

public class UnknownAccountException extends ProblemException {

    public UnknownAccountException(String accountId) {
        super(404, "unknown-account", "Unknown account", "there is no account " + accountId,
                List.of(new Problem.FieldError("accountId", "is not a known account")), Map.of(), null);
    }
}
