package io.otelref.checkout.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.checkout.service.CheckoutResult;
import io.otelref.checkout.service.CheckoutService;
import io.otelref.checkout.service.IdempotencyService;
import io.otelref.checkout.service.OrderQueries;
import io.otelref.platform.http.OptionalHeader;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api")
@Tag(name = "checkout")
public class CheckoutResource {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;
    /** Visible ASCII, as a header value can carry it unambiguously; the database column holds 255 characters. */
    private static final String IDEMPOTENCY_KEY_PATTERN = "^[!-~]{1," + MAX_IDEMPOTENCY_KEY_LENGTH + "}$";
    private static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final CheckoutService checkout;
    private final OrderQueries orders;

    CheckoutResource(CheckoutService checkout, OrderQueries orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    @POST
    @Path("/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RunOnVirtualThread
    @Operation(summary = "Place an order: price its items, authorize the payment, store it; the invoice follows asynchronously")
    @Parameter(name = IdempotencyService.HEADER, in = ParameterIn.HEADER, required = false,
            description = "Makes retries safe: the same key and body return the first response. 1 to 255 visible ASCII characters.",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH, pattern = IDEMPOTENCY_KEY_PATTERN))
    @APIResponse(responseCode = "201", description = "Order placed, status PENDING_INVOICE",
            headers = {
                    @Header(name = HttpHeaders.LOCATION, description = "The order: /api/orders/{orderId}", required = true,
                            schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                    @Header(name = IDEMPOTENT_REPLAYED, description = "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request; errors name the fields (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "402", description = "Payment declined: the total exceeds the account's available credit (payment-declined)",
            headers = @Header(name = IDEMPOTENT_REPLAYED, description = "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress (idempotency-request-in-progress, with"
            + " Retry-After), or billing authorized this order id with other details (order-conflict)",
            headers = {
                    @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait before retrying, while the first request is in progress",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
                    @Header(name = IDEMPOTENT_REPLAYED, description = "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")) },
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown SKU (unknown-sku) or account (unknown-account), or the Idempotency-Key was used"
            + " with another body (idempotency-key-reused)",
            headers = @Header(name = IDEMPOTENT_REPLAYED, description = "true when this is the stored answer to an earlier request with the same Idempotency-Key",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "billing-service or the database is unavailable; retry after Retry-After seconds (dependency-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkout(@Valid @NotNull CheckoutRequest body, @Context HttpHeaders headers) {
        CheckoutResult result = checkout.placeOrder(body, validKey(OptionalHeader.of(headers, IdempotencyService.HEADER)));
        Response.ResponseBuilder response = Response.status(result.status()).type(result.mediaType()).entity(result.body());
        if (result.status() == 201) {
            response.location(URI.create("/api/orders/" + result.orderId()));
        }
        if (result.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @Path("/orders/{orderId}")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RunOnVirtualThread
    @Operation(summary = "An order, with status INVOICED and its invoiceId once invoice-worker has finished")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "No such order, or the orderId is not a UUID (unknown-order, http-404)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable (dependency-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderResponse order(@PathParam("orderId") UUID orderId) {
        return orders.find(orderId);
    }

    /** Sent, the key must be usable: an empty one would otherwise be taken for no key at all. */
    private static Optional<String> validKey(Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches(IDEMPOTENCY_KEY_PATTERN)) {
            throw ProblemException.forField(400, "validation-failed", "The request is not valid", IdempotencyService.HEADER,
                    "must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " visible ASCII characters");
        }
        return idempotencyKey;
    }
}
