package io.otelref.billing.rest;

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

import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.simulation.GatewayConnection;
import io.otelref.billing.simulation.GatewaySimulation;
import io.otelref.billing.simulation.PricingOutage;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Switches faults and fixes while the service runs, for the failure scenarios. Guarded by
 * service-platform's AdminAccess: off unless {@code platform.admin.token} is set.
 */
@Path("/admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final GatewaySimulation gateway;
    private final GatewayConnection connection;
    private final BillingFixes fixes;
    private final PricingOutage pricing;

    private final CircuitBreakerMaintenance circuitBreakers;

    AdminResource(GatewaySimulation gateway, GatewayConnection connection, BillingFixes fixes, PricingOutage pricing,
            CircuitBreakerMaintenance circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
        this.gateway = gateway;
        this.connection = connection;
        this.fixes = fixes;
        this.pricing = pricing;
    }

    @GET
    @Path("/gateway")
    @Operation(summary = "The simulated payment gateway's latency and error rate now")
    public GatewayFaults gatewayFaults() {
        return GatewayFaults.of(gateway.behaviour());
    }

    @PUT
    @Path("/gateway")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the simulated payment gateway's latency and error rate")
    public GatewayFaults changeGatewayFaults(@Valid @NotNull GatewayFaults body) {
        gateway.change(body.toBehaviour());
        return gatewayFaults();
    }

    @GET
    @Path("/gateway/reachability")
    @Operation(summary = "Whether billing can reach the simulated payment gateway")
    public GatewayReachability gatewayReachability() {
        return new GatewayReachability(connection.reachable());
    }

    @PUT
    @Path("/gateway/reachability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the simulated payment gateway unreachable (every connection dropped), or reachable again")
    public GatewayReachability changeGatewayReachability(@Valid @NotNull GatewayReachability body) {
        connection.reachable(body.reachable());
        return gatewayReachability();
    }

    @GET
    @Path("/pricing")
    @Operation(summary = "The SKUs whose prices are unavailable now")
    public PricingFaults pricingFaults() {
        return PricingFaults.of(pricing.unavailableSkus());
    }

    @PUT
    @Path("/pricing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make the prices of these SKUs answer 503, as a failed pricing shard would")
    public PricingFaults changePricingFaults(@Valid @NotNull PricingFaults body) {
        pricing.change(body.unavailableSkus());
        return pricingFaults();
    }

    @GET
    @Path("/fixes")
    @Operation(summary = "Which fixes are switched on")
    public Fixes fixes() {
        return new Fixes(fixes.releaseLockBeforeGateway(), fixes.retryBudget());
    }

    @PUT
    @Path("/fixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch fixes on or off: release the account lock before calling the gateway; retry the gateway only within a retry budget")
    public Fixes changeFixes(@Valid @NotNull Fixes body) {
        fixes.releaseLockBeforeGateway(body.releaseLockBeforeGateway());
        fixes.retryBudget(body.retryBudget());
        return fixes();
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Back to the configured behaviour: no injected faults, fixes as configured, circuit breakers closed")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        gateway.reset();
        connection.reset();
        pricing.reset();
        fixes.reset();
        // Closed, too: breakers opened by the fault would otherwise refuse calls for seconds after it is gone.
        circuitBreakers.resetAll();
    }
}
