package io.otelref.billing.client;

/** The gateway approved the hold; its reference is needed to capture the money later. */
public record GatewayAuthorization(String authorizationReference) {
}
