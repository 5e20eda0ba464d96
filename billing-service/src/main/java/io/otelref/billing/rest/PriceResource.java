package io.otelref.billing.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.billing.service.ProductPrices;
import io.otelref.platform.problem.Problem;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/prices")
@Tag(name = "Prices")
@RunOnVirtualThread
public class PriceResource {

    private final ProductPrices pricing;

    PriceResource(ProductPrices pricing) {
        this.pricing = pricing;
    }

    @GET
    @Path("/{sku}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current unit price of a product")
    @APIResponse(responseCode = "200", description = "The price",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PriceQuote.class)))
    @APIResponse(responseCode = "400", description = "sku is not of the form SKU-0001 (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No product has this SKU (unknown-sku)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The price cannot be served now (pricing-unavailable), or the database is unavailable (dependency-unavailable)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PriceQuote price(@Parameter(description = "SKU-0001 to SKU-0050 exist", example = "SKU-0001")
            @PathParam("sku") @Pattern(regexp = ApiPatterns.SKU, message = "must look like SKU-0001") String sku) {
        return PriceQuote.of(pricing.priceOf(sku));
    }
}
