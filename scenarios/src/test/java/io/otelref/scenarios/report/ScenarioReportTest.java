package io.otelref.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.otelref.observability.logs.LogVolume;
import io.otelref.observability.prometheus.Sample;

class ScenarioReportTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aSingleUnlabelledValueStandsAlone() {
        assertEquals(List.of("13.885"), ScenarioReport.describe(List.of(new Sample(Map.of(), 13.8849, NOW))));
    }

    @Test
    void aGroupedQueryGetsOneLinePerSeriesInLabelOrder() {
        List<Sample> retriesByDependency = List.of(
                new Sample(Map.of("job", "checkout-service", "dependency", "billing-service"), 2.5, NOW),
                new Sample(Map.of("job", "billing-service", "dependency", "payment-gateway"), Double.NaN, NOW));

        assertEquals(List.of(
                "{dependency=\"billing-service\", job=\"checkout-service\"} 2.500",
                "{dependency=\"payment-gateway\", job=\"billing-service\"} no data"),
                ScenarioReport.describe(retriesByDependency));
    }

    @Test
    void noSeriesIsNoDataRatherThanZero() {
        assertEquals(List.of("no data"), ScenarioReport.describe(List.of()));
    }

    @Test
    void logVolumeIsRecordsAndBytesPerCheckoutSummedOverWhatIsGiven() {
        List<LogVolume> phase = List.of(new LogVolume("billing-service", "INFO", 200, 14_400),
                new LogVolume("billing-service", "WARN", 30, 9_000));

        assertEquals("2.30, 234 B", ScenarioReport.perCheckout(phase, 100));
        assertEquals("0.30, 90 B", ScenarioReport.perCheckout(phase.subList(1, 2), 100));
        assertEquals("230 records", ScenarioReport.perCheckout(phase, 0));
        assertEquals("-", ScenarioReport.perCheckout(List.of(), 100));
    }

    @Test
    void theLogVolumeSampleSpreadsOverThePhaseAndTakesAllOfASmallOne() {
        List<Integer> requests = IntStream.range(0, 10).boxed().toList();

        assertEquals(List.of(0, 2, 5, 7), ScenarioReport.spreadSample(requests, 4));
        assertEquals(requests, ScenarioReport.spreadSample(requests, 10));
        assertEquals(requests, ScenarioReport.spreadSample(requests, 200));
    }
}
