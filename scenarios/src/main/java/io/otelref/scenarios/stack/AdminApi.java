package io.otelref.scenarios.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The services' admin API ({@code /admin/*}, docs/operations/admin-api.md) as the scenarios use it. A PUT
 * replaces a whole resource, so a change is read-modify-write: the fields a scenario does not name keep the
 * value they have, and a field a newer service adds does not break an older scenario.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackEndpoints stack;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public AdminApi(StackEndpoints stack) {
        this.stack = stack;
        this.token = stack.adminToken().orElseThrow(() -> new StackException(
                "no admin token: set PLATFORM_ADMIN_TOKEN to the token the services run with (./demo up keeps it in .demo/admin-token)"));
    }

    public JsonNode current(Service service, String resource) {
        return send(service, request(service, "/admin/" + resource).GET(), "GET /admin/" + resource);
    }

    /** @return the resource as the service holds it afterwards */
    public JsonNode apply(AdminChange change) {
        JsonNode current = current(change.service(), change.resource());
        if (!(current instanceof ObjectNode merged)) {
            throw new StackException(change.service().serviceName() + " /admin/" + change.resource() + " is not a JSON object: " + current);
        }
        change.values().forEach((field, value) -> {
            if (!merged.has(field)) {
                throw new StackException(change.service().serviceName() + " /admin/" + change.resource()
                        + " has no field '" + field + "' (it has " + fieldNames(merged) + "); is the service up to date?");
            }
            merged.set(field, JSON.valueToTree(value));
        });
        return send(change.service(), request(change.service(), "/admin/" + change.resource())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(merged.toString())), "PUT /admin/" + change.resource());
    }

    /**
     * Puts every service back to its configured behaviour. Every service is tried even when one fails, so an
     * interrupted scenario leaves as little behind as it can.
     */
    public void resetAll() {
        List<String> failures = new ArrayList<>();
        for (Service service : Service.values()) {
            try {
                send(service, request(service, "/admin/reset").POST(HttpRequest.BodyPublishers.noBody()), "POST /admin/reset");
            } catch (StackException failed) {
                failures.add(failed.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new StackException("could not restore every service: " + String.join("; ", failures));
        }
    }

    private HttpRequest.Builder request(Service service, String path) {
        URI base = stack.service(service);
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private JsonNode send(Service service, HttpRequest.Builder request, String what) {
        String where = service.serviceName() + " " + what;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException(where + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException unreachable) {
            throw new StackException(where + " failed: " + unreachable + " (is the stack up? ./demo status)");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StackException(where + " interrupted");
        }
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
