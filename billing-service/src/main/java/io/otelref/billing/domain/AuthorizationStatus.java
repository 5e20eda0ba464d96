package io.otelref.billing.domain;

import java.util.Set;

public enum AuthorizationStatus {

    /** Credit is reserved while the payment gateway is asked; only when the account lock is released before that call. */
    PENDING,

    /** The gateway approved it; the amount counts against the account's credit until it is invoiced. */
    AUTHORIZED,

    /** Invoiced: the gateway captured the money, so the amount no longer counts against the credit limit. */
    CAPTURED,

    /** Given back: the order it was held for was never stored; the amount no longer counts against the credit. */
    VOIDED;

    /** The statuses whose amounts use up an account's credit. */
    public static final Set<AuthorizationStatus> OPEN = Set.of(PENDING, AUTHORIZED);
}
