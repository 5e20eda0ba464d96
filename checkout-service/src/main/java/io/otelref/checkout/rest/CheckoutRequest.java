package io.otelref.checkout.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The patterns are anchored and spell digits as {@code [0-9]} because the same regular expressions are
 * the JSON Schema of {@code /q/openapi}, where a pattern matches anywhere in the value unless anchored,
 * and {@code \d} may mean any Unicode digit.
 */
@Schema(description = "An order to place for one account")
public record CheckoutRequest(
        @Schema(example = "acc-0001")
        @NotNull @Pattern(regexp = ACCOUNT_ID, message = "must look like acc-0001") String accountId,
        @NotNull @Size(min = 1, max = 50, message = "must hold between 1 and 50 items") List<@NotNull @Valid Item> items) {

    static final String ACCOUNT_ID = "^acc-[0-9]{4}$";
    static final String SKU = "^SKU-[0-9]{4}$";

    @Schema(description = "One line of the order")
    public record Item(
            @Schema(example = "SKU-0001")
            @NotNull @Pattern(regexp = SKU, message = "must look like SKU-0001") String sku,
            @Schema(example = "2", minimum = "1", maximum = "1000")
            @NotNull @Min(value = 1, message = "must be at least 1")
            @Max(value = 1000, message = "must be at most 1000") Integer quantity) {
    }
}
