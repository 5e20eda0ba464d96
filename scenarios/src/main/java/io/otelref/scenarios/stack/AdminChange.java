package io.otelref.scenarios.stack;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * New values for some fields of one admin resource, e.g. billing's {@code /admin/fixes}
 * {@code {"releaseLockBeforeGateway": true}}. Fields not named keep their current value.
 */
public record AdminChange(Service service, String resource, Map<String, Object> values) {

    public AdminChange {
        values = Map.copyOf(values);
    }

    public static AdminChange of(Service service, String resource, Map<String, Object> values) {
        return new AdminChange(service, resource, values);
    }

    /** {@code billing-service /admin/fixes releaseLockBeforeGateway=true}, for what the runner prints. */
    public String describe() {
        return service.serviceName() + " /admin/" + resource + " " + values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
