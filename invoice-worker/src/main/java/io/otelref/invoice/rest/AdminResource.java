package io.otelref.invoice.rest;

import java.time.Duration;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.otelref.invoice.config.WorkerBehaviour;
import io.otelref.invoice.config.WorkerFixes;
import io.otelref.platform.problem.Problem;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Slows, narrows or pauses consumption while the worker runs, for the queue-backlog scenario, and
 * switches the idempotency-key fix of the duplicate-delivery scenario. Guarded by
 * service-platform's AdminAccess: off unless {@code platform.admin.token} is set.
 */
@Path("/admin")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final WorkerBehaviour behaviour;
    private final WorkerFixes fixes;

    private final CircuitBreakerMaintenance circuitBreakers;

    AdminResource(WorkerBehaviour behaviour, WorkerFixes fixes, CircuitBreakerMaintenance circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
        this.behaviour = behaviour;
        this.fixes = fixes;
    }

    @GET
    @Path("/behaviour")
    @Operation(summary = "The extra processing delay per event, how many events are processed at once, and whether consumption is paused")
    public Behaviour behaviour() {
        return new Behaviour(behaviour.processingDelay().toMillis(), behaviour.concurrency(), behaviour.isPaused());
    }

    @PUT
    @Path("/behaviour")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "How the worker consumes now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Behaviour.class)))
    @APIResponse(responseCode = "400", description = "A field is missing, of the wrong type or out of range (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Slow down, narrow or pause consumption: records wait in Kafka and show up as consumer lag")
    public Behaviour changeBehaviour(@Valid @NotNull Behaviour body) {
        behaviour.setProcessingDelay(Duration.ofMillis(body.processingDelayMs()));
        behaviour.setConcurrency(body.concurrency());
        if (body.paused()) {
            behaviour.pause();
        } else {
            behaviour.resume();
        }
        return behaviour();
    }

    @GET
    @Path("/fixes")
    @Operation(summary = "Which fixes are switched on")
    public Fixes fixes() {
        return new Fixes(fixes.idempotencyKeyPerOrder());
    }

    @PUT
    @Path("/fixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Which fixes are switched on now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Fixes.class)))
    @APIResponse(responseCode = "400", description = "A field is missing, of the wrong type or out of range (validation-failed, malformed-body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(summary = "Switch fixes on or off: one idempotency key per order, or a fresh one per attempt (the mistake)")
    public Fixes changeFixes(@Valid @NotNull Fixes body) {
        fixes.idempotencyKeyPerOrder(body.idempotencyKeyPerOrder());
        return fixes();
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Back to the configured delay and concurrency, consuming, fixes as configured, circuit breakers closed")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        behaviour.reset();
        fixes.reset();
        // Closed, too: breakers opened by the fault would otherwise refuse calls for seconds after it is gone.
        circuitBreakers.resetAll();
    }
}
