package io.otelref.billing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/**
 * A non-blocking resource method, for OversizeBodyTest: RESTEasy Reactive reads such a method's body in
 * chunks as it arrives, unless a body was read ahead of it, as service-platform's OversizeBodyRejection does.
 */
@Path("/test/pre-read-body")
public class PreReadBodyEchoResource {

    public record Named(String name) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Uni<String> echo(Named body) {
        return Uni.createFrom().item(body.name());
    }
}
