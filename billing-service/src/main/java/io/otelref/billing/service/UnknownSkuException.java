package io.otelref.billing.service;

import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;

public class UnknownSkuException extends ProblemException {

    public UnknownSkuException(String sku) {
        super(404, "unknown-sku", "Unknown SKU", "no product has the SKU " + sku,
                List.of(new Problem.FieldError("sku", "is not a known SKU")), Map.of(), null);
    }
}
