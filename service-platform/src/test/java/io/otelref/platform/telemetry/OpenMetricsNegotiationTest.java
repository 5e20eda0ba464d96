package io.otelref.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OpenMetricsNegotiationTest {

    @Test
    void exemplarsStayOnBucketsAndLeaveCountLines() {
        String scraped = """
                app_checkout_duration_seconds_bucket{outcome="placed",le="2.5"} 1.0 # {span_id="3f95",trace_id="b8ae"} 2.38 1795618616.940
                app_checkout_duration_seconds_count{outcome="placed"} 1.0 # {span_id="3f95",trace_id="b8ae"} 1.0 1795618616.940
                http_server_requests_seconds_count 4.0 # {span_id="aa",trace_id="bb"} 1.0 1795618616.1
                http_server_requests_seconds_count{uri="/api/prices/{sku}",note="a \\"quoted\\" }"} 3.0 # {trace_id="cc"} 1.0 1.1
                app_checkout_duration_seconds_sum{outcome="placed"} 2.38
                """;
        assertEquals("""
                app_checkout_duration_seconds_bucket{outcome="placed",le="2.5"} 1.0 # {span_id="3f95",trace_id="b8ae"} 2.38 1795618616.940
                app_checkout_duration_seconds_count{outcome="placed"} 1.0
                http_server_requests_seconds_count 4.0
                http_server_requests_seconds_count{uri="/api/prices/{sku}",note="a \\"quoted\\" }"} 3.0
                app_checkout_duration_seconds_sum{outcome="placed"} 2.38
                """, OpenMetricsNegotiation.withoutExemplarsOnCounts(scraped));
    }
}
