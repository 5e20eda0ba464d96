package io.otelref.scenarios.signal;

import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.prometheus.PrometheusClient;

/** The telemetry backends a signal may read, besides the traces already collected for the phase. */
public record Telemetry(JaegerClient jaeger, PrometheusClient prometheus) {
}
