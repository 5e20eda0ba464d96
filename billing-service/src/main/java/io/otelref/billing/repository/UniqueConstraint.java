package io.otelref.billing.repository;

import org.hibernate.exception.ConstraintViolationException;

/** The unique constraints of the schema that make retried and concurrent requests harmless. */
public enum UniqueConstraint {

    ONE_AUTHORIZATION_PER_ORDER("payment_authorization_one_per_order"),
    ONE_INVOICE_PER_IDEMPOTENCY_KEY("invoice_one_per_idempotency_key");

    private final String name;

    UniqueConstraint(String name) {
        this.name = name;
    }

    /** True when {@code failure} was caused by an insert that this constraint rejected. */
    public boolean isViolatedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && name.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
