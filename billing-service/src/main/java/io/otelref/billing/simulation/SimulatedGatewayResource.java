package io.otelref.billing.simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.billing.client.GatewayAuthorization;
import io.otelref.billing.client.GatewayAuthorizationRequest;
import io.otelref.billing.client.GatewayCapture;
import io.otelref.billing.client.GatewayCaptureRequest;
import io.otelref.billing.client.GatewayWire;
import io.otelref.billing.client.PaymentGatewayApi;
import io.otelref.platform.http.OptionalHeader;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.problem.ProblemResponses;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Stands in for an external payment gateway, so the system runs without one. It is reached over a
 * real HTTP hop and its SERVER spans are suppressed ({@code quarkus.otel.traces.suppress-application-uris}),
 * so in a trace it looks like what it imitates: a third party that sends no spans. It speaks the wire
 * format of {@link PaymentGatewayApi}, and behaves as {@link GatewaySimulation} says.
 *
 * <p>Like the gateway it imitates, it checks a request before acting on it: a request that is not
 * JSON, misses a field or breaks {@link GatewayWire} is a 400 at once, without the simulated latency,
 * and is never charged. Only a valid request is answered with the simulated behaviour, outage included.
 */
@Path("/simulated-gateway")
@Tag(name = "Simulated payment gateway", description = "A stand-in for the external payment gateway; called by billing-service itself")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SimulatedGatewayResource {

    /** The simulated outage is short: billing's own retries (50 ms apart, growing) are what the scenarios watch. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final GatewaySimulation simulation;
    private final CaptureLedger ledger;

    SimulatedGatewayResource(GatewaySimulation simulation, CaptureLedger ledger) {
        this.simulation = simulation;
        this.ledger = ledger;
    }

    @POST
    @Path("/authorizations")
    @Operation(summary = "Hold an amount on an account")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GatewayAuthorization.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or malformed (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Simulated outage: errorRate of /admin/gateway (gateway-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response authorize(@Valid @NotNull GatewayAuthorizationRequest request) throws InterruptedException {
        if (failsAfterLatency(simulation.nextAuthorizationAnswer())) {
            return outage();
        }
        return Response.ok(new GatewayAuthorization("auth-" + UUID.randomUUID())).build();
    }

    @POST
    @Path("/authorizations/{reference}/void")
    @Operation(summary = "Release the amount an authorization holds; voiding it again changes nothing")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "400", description = "The reference is malformed (validation-failed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Simulated outage: errorRate of /admin/gateway (gateway-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response voidAuthorization(@PathParam("reference") @Pattern(regexp = GatewayWire.REFERENCE,
            message = "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -") String reference) throws InterruptedException {
        if (failsAfterLatency(simulation.nextAuthorizationAnswer())) {
            return outage();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/captures")
    @Operation(summary = "Take the money of an authorization; a repeated Idempotency-Key returns the first capture")
    @Parameter(name = PaymentGatewayApi.IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            description = "Captures at most once per key; without one, every request is charged",
            schema = @Schema(type = SchemaType.STRING, maxLength = 64, pattern = GatewayWire.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "201", description = "Captured, or the capture made earlier under the same key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GatewayCapture.class)))
    @APIResponse(responseCode = "400", description = "A field or the Idempotency-Key is missing or malformed (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Simulated outage: errorRate of /admin/gateway (gateway-unavailable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capture(@Context HttpHeaders headers, @Valid @NotNull GatewayCaptureRequest request) throws InterruptedException {
        Optional<String> idempotencyKey = OptionalHeader.of(headers, PaymentGatewayApi.IDEMPOTENCY_KEY);
        if (idempotencyKey.isPresent() && !idempotencyKey.get().matches(GatewayWire.IDEMPOTENCY_KEY)) {
            throw ProblemException.forField(400, "validation-failed", "The request is not valid", PaymentGatewayApi.IDEMPOTENCY_KEY,
                    "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        if (failsAfterLatency(simulation.nextCaptureAnswer())) {
            return outage();
        }
        return Response.status(Response.Status.CREATED).entity(ledger.capture(idempotencyKey.orElse(null), request)).build();
    }

    private static boolean failsAfterLatency(GatewaySimulation.Answer answer) throws InterruptedException {
        Thread.sleep(answer.latency());
        return answer.fails();
    }

    /** Answered, not thrown: an outage of the imitated third party is no failure of billing's to log. */
    private static Response outage() {
        return ProblemResponses.of(503, "gateway-unavailable", "The payment gateway is unavailable",
                "simulated outage; try again in " + RETRY_AFTER_SECONDS + " second", List.of(),
                Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)));
    }
}
