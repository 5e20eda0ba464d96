package io.otelref.billing.rest;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The SKUs whose prices answer 503, as the admin API shows and takes them. */
public record PricingFaults(
        @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = ApiPatterns.SKU, message = "must look like SKU-0001") String> unavailableSkus) {

    static PricingFaults of(Set<String> unavailableSkus) {
        return new PricingFaults(unavailableSkus.stream().sorted().toList());
    }
}
