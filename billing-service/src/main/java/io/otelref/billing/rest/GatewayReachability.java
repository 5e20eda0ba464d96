package io.otelref.billing.rest;

import jakarta.validation.constraints.NotNull;

/** Whether billing can reach the simulated payment gateway at all; false drops every connection to it. */
public record GatewayReachability(@NotNull Boolean reachable) {
}
