package io.otelref.billing.simulation;

import java.util.UUID;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.otelref.billing.client.GatewayAuthorization;
import io.otelref.billing.client.GatewayAuthorizationRequest;
import io.otelref.billing.client.GatewayCapture;
import io.otelref.billing.client.GatewayCaptureRequest;
import io.otelref.billing.client.PaymentGatewayApi;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Stands in for an external payment gateway, so the system runs without one. It is reached over a
 * real HTTP hop and its SERVER spans are suppressed ({@code quarkus.otel.traces.suppress-application-uris}),
 * so in a trace it looks like what it imitates: a third party that sends no spans. It speaks the wire
 * format of {@link PaymentGatewayApi}, and behaves as {@link GatewaySimulation} says.
 */
@Path("/simulated-gateway")
@Tag(name = "Simulated payment gateway", description = "A stand-in for the external payment gateway; called by billing-service itself")
@RunOnVirtualThread
public class SimulatedGatewayResource {

    private final GatewaySimulation simulation;
    private final CaptureLedger ledger;

    SimulatedGatewayResource(GatewaySimulation simulation, CaptureLedger ledger) {
        this.simulation = simulation;
        this.ledger = ledger;
    }

    @POST
    @Path("/authorizations")
    @Operation(summary = "Hold an amount on an account")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "503", description = "Simulated outage")
    public RestResponse<GatewayAuthorization> authorize(GatewayAuthorizationRequest request) throws InterruptedException {
        if (failsAfterLatency(simulation.nextAuthorizationAnswer())) {
            return RestResponse.status(Response.Status.SERVICE_UNAVAILABLE);
        }
        return RestResponse.ok(new GatewayAuthorization("auth-" + UUID.randomUUID()));
    }

    @POST
    @Path("/authorizations/{reference}/void")
    @Operation(summary = "Release the amount an authorization holds; voiding it again changes nothing")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "503", description = "Simulated outage")
    public RestResponse<Void> voidAuthorization(@PathParam("reference") String reference) throws InterruptedException {
        if (failsAfterLatency(simulation.nextAuthorizationAnswer())) {
            return RestResponse.status(Response.Status.SERVICE_UNAVAILABLE);
        }
        return RestResponse.noContent();
    }

    @POST
    @Path("/captures")
    @Operation(summary = "Take the money of an authorization; a repeated Idempotency-Key returns the first capture")
    @APIResponse(responseCode = "201", description = "Captured, or the capture made earlier under the same key")
    @APIResponse(responseCode = "503", description = "Simulated outage")
    public RestResponse<GatewayCapture> capture(@HeaderParam(PaymentGatewayApi.IDEMPOTENCY_KEY) String idempotencyKey,
            GatewayCaptureRequest request) throws InterruptedException {
        if (failsAfterLatency(simulation.nextCaptureAnswer())) {
            return RestResponse.status(Response.Status.SERVICE_UNAVAILABLE);
        }
        return RestResponse.ResponseBuilder.create(Response.Status.CREATED, ledger.capture(idempotencyKey, request))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private static boolean failsAfterLatency(GatewaySimulation.Answer answer) throws InterruptedException {
        Thread.sleep(answer.latency());
        return answer.fails();
    }
}
