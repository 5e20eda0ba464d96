package io.otelref.billing.rest;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.otelref.billing.domain.PaymentAuthorization;
import io.otelref.billing.service.Idempotent;
import io.otelref.billing.service.PaymentAuthorizationService;
import io.otelref.platform.problem.Problem;
import io.smallrye.common.annotation.RunOnVirtualThread;

@Path("/api/payments/authorizations")
@Tag(name = "Payments")
@RunOnVirtualThread
public class PaymentAuthorizationResource {

    private final PaymentAuthorizationService payments;

    PaymentAuthorizationResource(PaymentAuthorizationService payments) {
        this.payments = payments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorize the payment of an order against the account's credit limit",
            description = "Idempotent per orderId: repeating a request returns the first authorization and changes nothing.")
    @APIResponse(responseCode = "201", description = "Authorized",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorizationResponse.class)))
    @APIResponse(responseCode = "200", description = "This order was already authorized; the first authorization",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorizationResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "402", description = "The amount exceeds the available credit (payment-declined)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account (unknown-account)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This order was authorized with other details (authorization-conflict),"
            + " or its authorization is still in progress (authorization-in-progress, with Retry-After)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying, while the authorization is in progress",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The payment gateway or the database is unavailable (dependency-unavailable)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", required = true,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<AuthorizationResponse> authorize(@NotNull @Valid AuthorizationRequest body) {
        Idempotent<PaymentAuthorization> result = payments.authorize(body.toCommand());
        AuthorizationResponse response = AuthorizationResponse.of(result.value());
        return result.replayed() ? RestResponse.ok(response) : RestResponse.status(RestResponse.Status.CREATED, response);
    }

    @POST
    @Path("/{orderId}/void")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give back the money held for an order that was never placed",
            description = "Idempotent: voiding a voided authorization returns it unchanged. Called by checkout-service for"
                    + " the payments of checkouts that failed after billing had authorized them.")
    @APIResponse(responseCode = "200", description = "Voided (status VOIDED), now or earlier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorizationResponse.class)))
    @APIResponse(responseCode = "404", description = "No authorization for this order (unknown-order): nothing is held",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already captured for an invoice (authorization-captured), or still being"
            + " authorized (authorization-in-progress, with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The payment gateway is unavailable (dependency-unavailable)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuthorizationResponse voidAuthorization(@PathParam("orderId") UUID orderId) {
        return AuthorizationResponse.of(payments.voidAuthorization(orderId).value());
    }
}
