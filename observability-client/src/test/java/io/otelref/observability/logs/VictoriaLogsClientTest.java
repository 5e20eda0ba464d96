package io.otelref.observability.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otelref.observability.CannedHttpServer;

class VictoriaLogsClientTest {

    private static final Instant FROM = Instant.parse("2026-12-02T07:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-02T07:01:00Z");

    /** Two lines as VictoriaLogs's stats pipe answers them: every value a string. */
    private static final String STATS = """
            {"service.name":"billing-service","severity_text":"WARN","records":"3","text_bytes":"412"}
            {"service.name":"checkout-service","severity_text":"INFO","records":"118","text_bytes":"8614"}
            """;

    @Test
    void volumeCountsPerServiceAndSeverityInTheStoreBusiestFirst() {
        try (CannedHttpServer store = new CannedHttpServer().respond("/select/logsql/query", 200, STATS)) {
            List<LogVolume> volume = new VictoriaLogsClient(store.url()).volume(FROM, TO,
                    List.of("447f0068be36ae37bb12e1dadffe3d43", "a3fda308c8"));

            assertEquals(List.of(new LogVolume("checkout-service", "INFO", 118, 8614),
                    new LogVolume("billing-service", "WARN", 3, 412)), volume);
            String asked = URLDecoder.decode(store.requests().getFirst().getRawQuery(), StandardCharsets.UTF_8);
            assertTrue(asked.contains("_time:[2026-12-02T07:00:00Z, 2026-12-02T07:01:00Z)"), asked);
            assertTrue(asked.contains("trace_id:in(447f0068be36ae37bb12e1dadffe3d43, 0000000000000000000000a3fda308c8)"), asked);
            assertTrue(asked.contains("stats by (service.name, severity_text) count() records"), asked);
        }
    }

    @Test
    void tracesWithoutRecordsHaveNoVolumeAndNoTracesAskNothing() {
        try (CannedHttpServer store = new CannedHttpServer().respond("/select/logsql/query", 200, "")) {
            VictoriaLogsClient client = new VictoriaLogsClient(store.url());
            assertEquals(List.of(), client.volume(FROM, TO, List.of("447f0068be36ae37bb12e1dadffe3d43")));
            assertEquals(List.of(), client.volume(FROM, TO, List.of()));
            assertEquals(1, store.requests().size());
        }
    }
}
