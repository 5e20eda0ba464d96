package io.otelref.billing.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The external payment gateway's HTTP API, as we use it. Its base URL is
 * {@code quarkus.rest-client.payment-gateway.url}. Failures are translated by {@link PaymentGatewayClient}.
 */
@RegisterRestClient(configKey = PaymentGatewayClient.DEPENDENCY)
public interface PaymentGatewayApi {

    /** Header under which the gateway deduplicates requests: a repeated key returns the first result. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Path("/authorizations")
    GatewayAuthorization authorize(GatewayAuthorizationRequest request);

    /** Releases the hold of an authorization; voiding one that is already void changes nothing. */
    @POST
    @Path("/authorizations/{reference}/void")
    void voidAuthorization(@PathParam("reference") String authorizationReference);

    @POST
    @Path("/captures")
    GatewayCapture capture(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, GatewayCaptureRequest request);
}
