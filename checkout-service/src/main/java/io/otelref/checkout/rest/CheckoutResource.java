package io.otelref.checkout.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.checkout.service.CheckoutResult;
import io.otelref.checkout.service.CheckoutService;
import io.otelref.checkout.service.IdempotencyService;
import io.otelref.checkout.service.OrderQueries;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api")
@Tag(name = "checkout")
public class CheckoutResource {

    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

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
    @APIResponse(responseCode = "201", description = "Order placed, status PENDING_INVOICE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid request; errors name the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "402", description = "Payment declined",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown SKU or account, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "billing-service unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkout(@Valid @NotNull CheckoutRequest body,
            @Parameter(description = "Makes retries safe: the same key and body return the first response",
                    schema = @Schema(type = SchemaType.STRING, maxLength = MAX_IDEMPOTENCY_KEY_LENGTH))
            @HeaderParam(IdempotencyService.HEADER) String idempotencyKey) {
        CheckoutResult result = checkout.placeOrder(body, validKey(idempotencyKey));
        Response.ResponseBuilder response = Response.status(result.status()).type(result.mediaType()).entity(result.body());
        if (result.status() == 201) {
            response.location(URI.create("/api/orders/" + result.orderId()));
        }
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/orders/{orderId}")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RunOnVirtualThread
    @Operation(summary = "An order, with status INVOICED and its invoiceId once invoice-worker has finished")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "No such order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderResponse order(@PathParam("orderId") UUID orderId) {
        return orders.find(orderId);
    }

    private static Optional<String> validKey(String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw ProblemException.forField(400, "validation-failed", "The request is not valid", IdempotencyService.HEADER,
                    "must be between 1 and " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
        return Optional.of(idempotencyKey);
    }
}
