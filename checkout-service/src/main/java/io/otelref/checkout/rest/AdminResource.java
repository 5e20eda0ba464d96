package io.otelref.checkout.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.checkout.config.CheckoutFixes;
import io.otelref.checkout.config.ConnectionPoolSize;
import io.otelref.checkout.config.PricingFanOut;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Switches faults and fixes while the service runs, for the failure scenarios. Guarded by
 * service-platform's AdminAccess: off unless {@code platform.admin.token} is set.
 */
@Path("/admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final CheckoutFixes fixes;
    private final PricingFanOut fanOut;
    private final ConnectionPoolSize pool;

    private final CircuitBreakerMaintenance circuitBreakers;

    AdminResource(CheckoutFixes fixes, PricingFanOut fanOut, ConnectionPoolSize pool, CircuitBreakerMaintenance circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
        this.fixes = fixes;
        this.fanOut = fanOut;
        this.pool = pool;
    }

    @GET
    @Path("/fixes")
    @Operation(summary = "Which fixes are switched on")
    public Fixes fixes() {
        return new Fixes(fixes.singleRetryLayer(), fixes.pricingFallback());
    }

    @PUT
    @Path("/fixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch fixes on or off: retry the payment in one layer only, price a failed SKU at its last known price")
    public Fixes changeFixes(@Valid @NotNull Fixes body) {
        fixes.singleRetryLayer(body.singleRetryLayer());
        fixes.pricingFallback(body.pricingFallback());
        return fixes();
    }

    @GET
    @Path("/pricing")
    @Operation(summary = "How many SKUs of one order are priced in parallel")
    public PricingSettings pricing() {
        return new PricingSettings(fanOut.maxConcurrency());
    }

    @PUT
    @Path("/pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the width of the pricing fan-out; 1 prices the SKUs one after another")
    public PricingSettings changePricing(@Valid @NotNull PricingSettings body) {
        fanOut.maxConcurrency(body.maxConcurrency());
        return pricing();
    }

    @GET
    @Path("/pool")
    @Operation(summary = "The maximum size of the database connection pool")
    public PoolSettings pool() {
        return new PoolSettings(pool.maxSize());
    }

    @PUT
    @Path("/pool")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resize the database connection pool; too small a pool makes requests wait for a connection")
    public PoolSettings changePool(@Valid @NotNull PoolSettings body) {
        pool.maxSize(body.maxSize());
        return pool();
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Back to the configured behaviour: fixes, fan-out width and pool size as configured, circuit breakers closed")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        fixes.reset();
        fanOut.reset();
        pool.reset();
        // Closed, too: breakers opened by the fault would otherwise refuse calls for seconds after it is gone.
        circuitBreakers.resetAll();
    }
}
