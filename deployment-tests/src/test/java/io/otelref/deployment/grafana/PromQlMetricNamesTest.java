package io.otelref.deployment.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void aBareSelectorIsItsName() {
        assertEquals(Set.of("up"), PromQlMetricNames.in("up"));
    }

    @Test
    void functionsAndAggregationsAreNotNames() {
        assertEquals(Set.of("app_checkout_duration_seconds_bucket"), PromQlMetricNames.in(
                "histogram_quantile(0.95, sum by (le) (rate(app_checkout_duration_seconds_bucket[5m])))"));
    }

    @Test
    void labelMatchersAndTheirValuesAreSkipped() {
        assertEquals(Set.of("http_server_request_duration_seconds_count"), PromQlMetricNames.in(
                "http_server_request_duration_seconds_count{job=\"checkout-service\", http_route=~\"/api/prices.*|{x}\", http_response_status_code!='500'}"));
    }

    @Test
    void groupingListsAreLabelNamesWhereverTheyStand() {
        assertEquals(Set.of("a_total", "b_total"), PromQlMetricNames.in(
                "sum(rate(a_total[1m])) by (job, outcome) / on (job) group_left (outcome) sum without (le) (b_total)"));
    }

    @Test
    void keywordsAndOperatorsAreNotNames() {
        assertEquals(Set.of("errors_total", "requests_total"), PromQlMetricNames.in(
                "(errors_total > bool 0) AND requests_total offset 5m or vector(0) unless on() Inf"));
    }

    @Test
    void grafanaVariablesAndDurationsAreSkipped() {
        assertEquals(Set.of("app_dependency_retries_total"), PromQlMetricNames.in(
                "rate(app_dependency_retries_total{job=\"$job\"}[$__rate_interval]) * ${factor:raw} + 1e3 - 0.5"));
    }

    @Test
    void recordingRuleNamesKeepTheirColons() {
        assertEquals(Set.of("job_outcome:app_checkout_duration_seconds:p95_1m"),
                PromQlMetricNames.in("job_outcome:app_checkout_duration_seconds:p95_1m{outcome=\"placed\"}"));
    }

    @Test
    void subqueriesAndStringArgumentsAreSkipped() {
        assertEquals(Set.of("app_outbox_backlog"), PromQlMetricNames.in(
                "label_replace(max_over_time(app_outbox_backlog[10m:30s]), \"service\", \"$1\", \"job\", \"(.*)\")"));
    }

    @Test
    void namesComeInOrderOfFirstAppearance() {
        assertEquals(List.of("b", "a"), List.copyOf(PromQlMetricNames.in("b / a + b")));
    }
}
