package io.otelref.scenarios.signal;

import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.logs.VictoriaLogsClient;
import io.otelref.observability.prometheus.PrometheusClient;

/** The telemetry backends a signal or a report may read, besides the traces already collected for the phase. */
public record Telemetry(JaegerClient jaeger, PrometheusClient prometheus, VictoriaLogsClient logs) {
}
