package io.otelref.billing.client;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks the payment gateway to hold {@code amount} on the account; {@code merchantReference} is our order id. */
public record GatewayAuthorizationRequest(
        @NotNull @Pattern(regexp = GatewayWire.REFERENCE, message = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -")
        @Schema(examples = "3f0c1b5e-8a4f-4d2e-9c61-0b7d2a1e5f44") String merchantReference,
        @NotNull @Pattern(regexp = GatewayWire.REFERENCE, message = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -")
        @Schema(examples = "acc-0001") String accountId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(GatewayWire.MAX_AMOUNT)
        @Digits(integer = GatewayWire.AMOUNT_INTEGER_DIGITS, fraction = GatewayWire.AMOUNT_FRACTION_DIGITS,
                message = "must have at most 10 integer digits and 2 decimal places")
        @Schema(examples = "25.00") BigDecimal amount,
        @NotNull @Pattern(regexp = GatewayWire.CURRENCY, message = "must be an ISO 4217 code such as EUR")
        @Schema(examples = "EUR") String currency) {
}
