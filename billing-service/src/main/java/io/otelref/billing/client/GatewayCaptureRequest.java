package io.otelref.billing.client;

import java.math.BigDecimal;

/** Asks the payment gateway to take the money of an earlier authorization, the moment an invoice is issued. */
public record GatewayCaptureRequest(String authorizationReference, BigDecimal amount, String currency) {
}
