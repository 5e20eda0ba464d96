package io.otelref.checkout.stub;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.otelref.checkout.client.AuthorizationRequest;
import io.otelref.checkout.client.PaymentAuthorization;
import io.otelref.checkout.client.PriceQuote;
import io.otelref.platform.problem.ProblemResponses;
import io.smallrye.common.annotation.RunOnVirtualThread;

/** billing-service's API as checkout calls it, served by the test application itself. */
@Path("/billing-stub/api")
public class BillingStubResource {

    private final BillingStub stub;

    BillingStubResource(BillingStub stub) {
        this.stub = stub;
    }

    @GET
    @Path("/prices/{sku}")
    @RunOnVirtualThread
    public Response price(@PathParam("sku") String sku) throws InterruptedException {
        stub.priceCalls.computeIfAbsent(sku, ignored -> new AtomicInteger()).incrementAndGet();
        Thread.sleep(stub.priceLatency);
        if (stub.down || stub.unavailableSkus.contains(sku) || BillingStub.takeOne(stub.priceFailuresToServe)) {
            return unavailable();
        }
        if (stub.unknownSkus.contains(sku)) {
            return ProblemResponses.of(404, "unknown-sku", "Unknown SKU", sku + " does not exist", List.of());
        }
        return Response.ok(new PriceQuote(sku, "Product " + sku, BillingStub.UNIT_PRICE, "EUR")).build();
    }

    @POST
    @Path("/payments/authorizations")
    @RunOnVirtualThread
    public Response authorize(AuthorizationRequest request) throws InterruptedException {
        stub.authorizationCalls.incrementAndGet();
        stub.authorizationRequests.put(request.orderId(), request.accountId());
        Thread.sleep(stub.authorizationLatency);
        if (stub.down || BillingStub.takeOne(stub.authorizationFailuresToServe)) {
            return unavailable();
        }
        if (stub.unknownAccounts.contains(request.accountId())) {
            return ProblemResponses.of(404, "unknown-account", "Unknown account", request.accountId() + " does not exist",
                    List.of());
        }
        if (stub.decliningAccounts.contains(request.accountId())) {
            return ProblemResponses.of(402, "payment-declined", "Payment declined",
                    "amount " + request.amount() + " exceeds the available credit of 5.00", List.of());
        }
        stub.authorized.put(request.orderId(), request.accountId());
        return Response.status(201).entity(new PaymentAuthorization(UUID.randomUUID(), request.orderId(),
                request.accountId(), request.amount(), request.currency(), "AUTHORIZED")).build();
    }

    @POST
    @Path("/payments/authorizations/{orderId}/void")
    @RunOnVirtualThread
    public Response voidAuthorization(@PathParam("orderId") UUID orderId) {
        stub.voidCalls.incrementAndGet();
        if (stub.down) {
            return unavailable();
        }
        String accountId = stub.authorized.remove(orderId);
        if (accountId == null && !stub.voided.contains(orderId)) {
            return ProblemResponses.of(404, "unknown-order", "Unknown order", "no payment was authorized for " + orderId,
                    List.of());
        }
        stub.voided.add(orderId);
        return Response.ok(new PaymentAuthorization(UUID.randomUUID(), orderId, accountId, BillingStub.UNIT_PRICE, "EUR",
                "VOIDED")).build();
    }

    private static Response unavailable() {
        return ProblemResponses.of(503, "dependency-unavailable", "Unavailable", "billing stub is failing on purpose",
                List.of());
    }
}
