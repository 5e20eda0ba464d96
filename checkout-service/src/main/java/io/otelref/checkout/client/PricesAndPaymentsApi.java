package io.otelref.checkout.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's HTTP API as checkout uses it. Failures are translated by {@link BillingClient}. */
@RegisterRestClient(configKey = "billing")
@Path("/api")
public interface PricesAndPaymentsApi {

    @GET
    @Path("/prices/{sku}")
    PriceQuote price(@PathParam("sku") String sku);

    @POST
    @Path("/payments/authorizations")
    PaymentAuthorization authorize(AuthorizationRequest request);

    @POST
    @Path("/payments/authorizations/{orderId}/void")
    PaymentAuthorization voidAuthorization(@PathParam("orderId") String orderId);
}
