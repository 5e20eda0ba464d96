package io.otelref.billing.simulation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Whether the simulated payment gateway can be reached at all. Unreachable, it drops every connection
 * made to it before answering, which billing's client meets as a network failure (no status, no body):
 * the fault suite's "gateway unreachable", as distinct from a gateway that answers 503.
 */
@ApplicationScoped
public class GatewayConnection {

    private static final String GATEWAY_PATH = "/simulated-gateway/";

    private volatile boolean reachable = true;

    public boolean reachable() {
        return reachable;
    }

    public void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    public void reset() {
        reachable = true;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> dropWhileUnreachable(RoutingContext request) {
        if (reachable || !request.normalizedPath().startsWith(GATEWAY_PATH)) {
            return Optional.empty();
        }
        request.request().connection().close();
        // Nothing reaches the caller: the connection is gone before this response could be written.
        return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE).build());
    }
}
