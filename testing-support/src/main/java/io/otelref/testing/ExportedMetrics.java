package io.otelref.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExemplarData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;

/**
 * The metrics a {@code @QuarkusTest} application exported: what the collector, and so Prometheus, would have
 * received, after the SDK's aggregation. Quarkus hands its metric reader the one {@code MetricExporter} bean
 * there is (the services' test profile turns the OTLP exporter off), which is the one produced here.
 *
 * <p>Every read first flushes the SDK, so a measurement made before the call is in the answer. Values are
 * cumulative since the start of the application, as Prometheus sees them: a test compares a value before and
 * after what it does.
 */
@Singleton
public class ExportedMetrics {

    private final InMemoryMetricExporter exporter;
    private final OpenTelemetry openTelemetry;

    ExportedMetrics(InMemoryMetricExporter exporter, OpenTelemetry openTelemetry) {
        this.exporter = exporter;
        this.openTelemetry = openTelemetry;
    }

    /** The sum of a counter over its series whose attributes include {@code attributes}; 0 when there is none. */
    public double counter(String name, Attributes attributes) {
        return total(name, attributes, ExportedMetrics::valueOf);
    }

    /** How many measurements a histogram holds over its series whose attributes include {@code attributes}. */
    public long histogramCount(String name, Attributes attributes) {
        return (long) total(name, attributes, point -> ((HistogramPointData) point).getCount());
    }

    /** The sum of a histogram's measurements (in the instrument's unit) over the matching series. */
    public double histogramSum(String name, Attributes attributes) {
        return total(name, attributes, point -> ((HistogramPointData) point).getSum());
    }

    /** The latest value of a gauge series whose attributes include {@code attributes}. */
    public Optional<Double> gauge(String name, Attributes attributes) {
        return points(name, attributes).stream().findFirst().map(ExportedMetrics::valueOf);
    }

    /**
     * Every exemplar that any export so far carried for the matching series. An export carries the exemplars
     * of the measurements since the one before, so they are gathered over all of them.
     */
    public List<ExemplarData> exemplars(String name, Attributes attributes) {
        flush();
        return exporter.getFinishedMetricItems().stream()
                .filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getData().getPoints().stream())
                .filter(point -> includes(point.getAttributes(), attributes))
                .flatMap(point -> point.getExemplars().stream())
                .map(ExemplarData.class::cast)
                .toList();
    }

    /** The instrument as last exported, to check its unit, description or kind. */
    public Optional<MetricData> metric(String name) {
        flush();
        List<MetricData> exported = exporter.getFinishedMetricItems();
        for (int i = exported.size() - 1; i >= 0; i--) {
            if (exported.get(i).getName().equals(name)) {
                return Optional.of(exported.get(i));
            }
        }
        return Optional.empty();
    }

    /** The latest points of one metric whose attributes include every one of {@code attributes}. */
    public List<PointData> points(String name, Attributes attributes) {
        return metric(name).map(metric -> metric.getData().getPoints().stream()
                .filter(point -> includes(point.getAttributes(), attributes))
                .map(PointData.class::cast)
                .toList())
                .orElse(List.of());
    }

    private double total(String name, Attributes attributes, ToDoubleFunction<PointData> value) {
        return points(name, attributes).stream().mapToDouble(value).sum();
    }

    private static double valueOf(PointData point) {
        return point instanceof LongPointData whole ? whole.getValue() : ((DoublePointData) point).getValue();
    }

    private static boolean includes(Attributes series, Attributes wanted) {
        for (var entry : wanted.asMap().entrySet()) {
            if (!entry.getValue().equals(series.get((AttributeKey<?>) entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void flush() {
        if (!(openTelemetry instanceof OpenTelemetrySdk sdk)) {
            throw new IllegalStateException("ExportedMetrics needs the OpenTelemetry SDK itself, not " + openTelemetry.getClass());
        }
        // The periodic reader refuses a flush at once while its own scheduled export is running ("exporter busy"),
        // which a fresh-machine run hit; asked again, it flushes once that export is done.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the SDK did not export its metrics within 10 s");
            }
            if (sdk.getSdkMeterProvider().forceFlush().join(left, TimeUnit.NANOSECONDS).isSuccess()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while flushing the SDK's metrics", interrupted);
            }
        }
    }

    /** The exporter Quarkus's metric reader uses in the tests. */
    static class Producer {

        @Produces
        @Singleton
        InMemoryMetricExporter inMemoryMetricExporter() {
            return InMemoryMetricExporter.create();
        }
    }
}
