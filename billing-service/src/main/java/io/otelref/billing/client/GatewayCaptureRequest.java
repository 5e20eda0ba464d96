package io.otelref.billing.client;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks the payment gateway to take the money of an earlier authorization, the moment an invoice is issued. */
public record GatewayCaptureRequest(
        @NotNull @Pattern(regexp = GatewayWire.REFERENCE, message = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -")
        @Schema(examples = "auth-6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c") String authorizationReference,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(GatewayWire.MAX_AMOUNT)
        @Digits(integer = GatewayWire.AMOUNT_INTEGER_DIGITS, fraction = GatewayWire.AMOUNT_FRACTION_DIGITS,
                message = "must have at most 10 integer digits and 2 decimal places")
        @Schema(examples = "25.00") BigDecimal amount,
        @NotNull @Pattern(regexp = GatewayWire.CURRENCY, message = "must be an ISO 4217 code such as EUR")
        @Schema(examples = "EUR") String currency) {
}
