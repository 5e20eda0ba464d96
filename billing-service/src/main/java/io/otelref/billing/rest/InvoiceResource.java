package io.otelref.billing.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.otelref.billing.domain.Invoice;
import io.otelref.billing.service.Idempotent;
import io.otelref.billing.service.InvoiceService;
import io.otelref.platform.problem.Problem;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/invoices")
@Tag(name = "Invoices")
@RunOnVirtualThread
public class InvoiceResource {

    private final InvoiceService invoices;

    InvoiceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture the authorized payment of an order and issue its invoice",
            description = "At most one invoice per order: repeating the request returns the existing invoice without charging again.")
    @APIResponse(responseCode = "201", description = "Invoice issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "200", description = "The order was already invoiced; the existing invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "orderId is missing or not a UUID (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No payment was authorized for this order (unknown-order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order's authorization is still in progress (authorization-in-progress)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The payment gateway is unavailable (dependency-unavailable)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<InvoiceResponse> create(@NotNull @Valid InvoiceRequest body) {
        Idempotent<Invoice> result = invoices.createInvoice(UUID.fromString(body.orderId()));
        InvoiceResponse response = InvoiceResponse.of(result.value());
        return result.replayed() ? RestResponse.ok(response) : RestResponse.status(RestResponse.Status.CREATED, response);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The invoices of an order: none, or exactly one")
    @APIResponse(responseCode = "200", description = "The order's invoices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "orderId is missing or not a UUID (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<InvoiceResponse> byOrder(
            @QueryParam("orderId") @NotNull @Pattern(regexp = ApiPatterns.UUID, message = "must be a UUID") String orderId) {
        return invoices.findByOrder(UUID.fromString(orderId)).map(InvoiceResponse::of).stream().toList();
    }
}
