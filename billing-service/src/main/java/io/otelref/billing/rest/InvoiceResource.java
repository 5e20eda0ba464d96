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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.otelref.billing.domain.Invoice;
import io.otelref.billing.service.Idempotent;
import io.otelref.billing.service.InvoiceService;
import io.otelref.platform.http.OptionalHeader;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/invoices")
@Tag(name = "Invoices")
@RunOnVirtualThread
public class InvoiceResource {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 64;
    private static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9._:-]{1," + MAX_IDEMPOTENCY_KEY_LENGTH + "}$";

    private final InvoiceService invoices;

    InvoiceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture the authorized payment of an order and issue its invoice",
            description = "At most one invoice per Idempotency-Key (default: the order id): repeating the request with the same key "
                    + "returns the existing invoice without charging again. A new key for the same order issues, and charges, another invoice.")
    @Parameter(name = InvoiceService.IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            description = "1 to 64 characters of A-Z a-z 0-9 . _ : -; the order id when absent",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH, pattern = IDEMPOTENCY_KEY_PATTERN))
    @APIResponse(responseCode = "201", description = "Invoice issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "200", description = "An invoice was already issued under this Idempotency-Key; that invoice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "orderId is missing or not a UUID, or the Idempotency-Key is malformed (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No payment was authorized for this order (unknown-order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order's authorization is still in progress (authorization-in-progress)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key names an invoice of another order (idempotency-key-conflict)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The payment gateway or the database is unavailable (dependency-unavailable)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<InvoiceResponse> create(@Context HttpHeaders headers, @NotNull @Valid InvoiceRequest body) {
        String key = OptionalHeader.of(headers, InvoiceService.IDEMPOTENCY_KEY).map(InvoiceResource::requireWellFormed)
                .orElse(body.orderId());
        Idempotent<Invoice> result = invoices.createInvoice(UUID.fromString(body.orderId()), key);
        InvoiceResponse response = InvoiceResponse.of(result.value());
        return result.replayed() ? RestResponse.ok(response) : RestResponse.status(RestResponse.Status.CREATED, response);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The invoices of an order, oldest first: none, one, or more when it was invoiced under several idempotency keys")
    @APIResponse(responseCode = "200", description = "The order's invoices",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "orderId is missing or not a UUID (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable (dependency-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<InvoiceResponse> byOrder(
            @QueryParam("orderId") @NotNull @Pattern(regexp = ApiPatterns.UUID, message = "must be a UUID") String orderId) {
        return invoices.listByOrder(UUID.fromString(orderId)).stream().map(InvoiceResponse::of).toList();
    }

    /** The key is stored and sent to the gateway: bounded and plain, so it cannot carry anything else; sent empty, it is no key. */
    private static String requireWellFormed(String idempotencyKey) {
        if (!idempotencyKey.matches(IDEMPOTENCY_KEY_PATTERN)) {
            throw ProblemException.forField(400, "validation-failed", "The request is not valid", InvoiceService.IDEMPOTENCY_KEY,
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters of A-Z a-z 0-9 . _ : -");
        }
        return idempotencyKey;
    }
}
