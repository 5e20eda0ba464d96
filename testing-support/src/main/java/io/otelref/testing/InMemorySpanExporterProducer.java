package io.otelref.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Gives a {@code @QuarkusTest} the spans its application finished. Quarkus exports to every
 * {@code SpanExporter} bean, so tests inject this one and read what would have gone to Jaeger.
 */
public class InMemorySpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
