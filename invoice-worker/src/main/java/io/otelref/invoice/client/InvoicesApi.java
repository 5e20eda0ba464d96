package io.otelref.invoice.client;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service's HTTP API as the worker uses it. Failures are translated by {@link BillingClient}. */
@RegisterRestClient(configKey = "billing")
@Path("/api")
public interface InvoicesApi {

    /** Header under which billing issues at most one invoice: a repeated key returns the first invoice. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** 201 with a new invoice, or 200 with the one billing already issued under this idempotency key. */
    @POST
    @Path("/invoices")
    Invoice createInvoice(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, InvoiceRequest request);
}
