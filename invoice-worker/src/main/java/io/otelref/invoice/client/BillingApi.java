package io.otelref.invoice.client;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's HTTP API as the worker uses it. Failures are translated by {@link BillingClient}. */
@RegisterRestClient(configKey = "billing")
@Path("/api")
public interface BillingApi {

    /** 201 with a new invoice, or 200 with the one billing already holds for this order. */
    @POST
    @Path("/invoices")
    Invoice createInvoice(InvoiceRequest request);
}
