package io.otelref.platform.telemetry;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The exporter that sends every service's spans over OTLP/HTTP: the SDK's own, in place of the one Quarkus
 * builds, so that a span lost between a service and the collector is counted where it was lost.
 *
 * <p>Quarkus 3.33's exporter measures nothing (it is built with a no-op meter provider). The SDK's reports, through
 * the service's own meter provider, {@code otel.sdk.exporter.span.exported} (spans the collector took, and with
 * {@code error.type} the ones it did not), {@code otel.sdk.exporter.span.inflight} and
 * {@code otel.sdk.exporter.operation.duration}: the semantic conventions' names for an exporter's health
 * (docs/telemetry/metrics.md). Producing a {@code SpanExporter} bean is Quarkus's documented way in: its own
 * exporter then stands aside, and the SDK's batch processor ({@code quarkus.otel.bsp.*}) feeds this one.
 *
 * <p>It reads the endpoint Quarkus's exporter would have read and sends with the JDK's HTTP client, so it adds no
 * HTTP library. Tests switch OTLP off ({@code quarkus.otel.exporter.otlp.enabled=false}) and read spans from an
 * in-memory exporter instead; that switch removes this one too.
 */
public class SpanExport {

    @Produces
    @Singleton
    @IfBuildProperty(name = "quarkus.otel.exporter.otlp.enabled", stringValue = "true", enableIfMissing = true)
    SpanExporter otlpHttpSpanExporter(
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") String endpoint,
            Instance<OpenTelemetry> openTelemetry) {
        return OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces")
                // Looked up when the first batch leaves: the exporter is built while the SDK itself is.
                .setMeterProvider(() -> openTelemetry.get().getMeterProvider())
                .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST)
                .build();
    }
}
