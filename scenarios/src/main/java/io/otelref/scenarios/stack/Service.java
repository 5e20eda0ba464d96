package io.otelref.scenarios.stack;

/** The services a scenario can switch faults and fixes in, through their admin API. */
public enum Service {
    CHECKOUT("checkout-service"),
    BILLING("billing-service"),
    WORKER("invoice-worker");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The name the service reports as {@code service.name}, in Jaeger and in Prometheus's {@code job}. */
    public String serviceName() {
        return serviceName;
    }
}
