package io.otelref.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otelref.scenarios.inject.PoisonRecords;
import io.otelref.scenarios.stack.StackEndpoints;

/**
 * A log line written while a span is current carries that span's trace id (the log format in
 * service-platform's microprofile-config.properties), so a log search by trace id finds what the trace
 * shows. The line here is invoice-worker's warning about a dead-lettered record, whose trace a producer
 * outside our services started.
 */
class LogCorrelationEndToEndTest {

    private static final Path WORKER_LOG = Path.of("..", ".demo", "invoice-worker", "service.log");

    @Test
    void theWorkersLogLineCarriesTheTraceIdOfTheRecordItHandled() throws InterruptedException {
        List<String> traceIds = new PoisonRecords().run(StackEndpoints.fromEnvironment(), Duration.ofSeconds(2));
        assertEquals(1, traceIds.size(), "one poison record published");
        String traceId = traceIds.getFirst();

        await().atMost(Duration.ofSeconds(30)).until(() -> logLinesWith("traceId=" + traceId).stream()
                .anyMatch(line -> line.contains("orders.placed[") && line.contains("dead-lettered (")));
    }

    private static List<String> logLinesWith(String text) throws IOException {
        try (var lines = Files.lines(WORKER_LOG)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }
}
