package io.otelref.billing.client;

import java.math.BigDecimal;

/** The money was taken; {@code captureReference} is what the invoice refers to. */
public record GatewayCapture(String captureReference, BigDecimal amount, String currency) {
}
