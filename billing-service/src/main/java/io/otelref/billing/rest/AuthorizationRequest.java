package io.otelref.billing.rest;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.otelref.billing.service.AuthorizationCommand;

/** The order id makes the request idempotent: sending it again returns the first authorization. */
public record AuthorizationRequest(
        @NotNull @Pattern(regexp = ApiPatterns.UUID, message = "must be a UUID")
        @Schema(examples = "3f0c1b5e-8a4f-4d2e-9c61-0b7d2a1e5f44") String orderId,
        @NotNull @Pattern(regexp = ApiPatterns.ACCOUNT_ID, message = "must look like acc-0001")
        @Schema(examples = "acc-0001") String accountId,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
        @Digits(integer = 7, fraction = 2, message = "must have at most two decimal places")
        @Schema(examples = "25.00") BigDecimal amount,
        @NotNull @Pattern(regexp = ApiPatterns.CURRENCY, message = "must be EUR")
        @Schema(examples = "EUR") String currency) {

    AuthorizationCommand toCommand() {
        return new AuthorizationCommand(UUID.fromString(orderId), accountId, amount, currency);
    }
}
