package io.otelref.platform.telemetry;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives the HTTP server and client timers histogram buckets. Without them Prometheus gets only a count, a sum
 * and a max per route: no p95 of one dependency, and no bucket for an exemplar to link a slow request's trace
 * to. A few fixed boundaries (not Micrometer's ~70 percentile buckets) keep the series per route small.
 */
@Singleton
public class HttpLatencyBuckets {

    private static final Duration[] BOUNDARIES = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

    @Produces
    @Singleton
    MeterFilter httpRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests") && !id.getName().equals("http.client.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos(BOUNDARIES))
                        .build()
                        .merge(config);
            }
        };
    }

    private static double[] nanos(Duration[] boundaries) {
        double[] nanos = new double[boundaries.length];
        for (int i = 0; i < boundaries.length; i++) {
            nanos[i] = boundaries[i].toNanos();
        }
        return nanos;
    }
}
