package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.invoice.config.WorkerBehaviour;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TopicTail;
import io.otelref.testing.TraceParent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class WorkerBehaviourTest {

    @Inject
    WorkerBehaviour behaviour;

    @Inject
    BillingStub billing;

    @Inject
    ExportedMetrics metrics;

    private TopicTail invoicesCreated;

    @BeforeEach
    void openTail() {
        invoicesCreated = KafkaTestClients.KAFKA.tail(KafkaTestClients.INVOICES_CREATED);
    }

    @Inject
    InMemorySpanExporter spans;

    @AfterEach
    void restoreDefaults() {
        behaviour.reset();
        invoicesCreated.close();
    }

    @Test
    void theProcessingDelayShowsInTheProcessDuration() {
        Attributes ordersPlaced = Attributes.of(AttributeKey.stringKey("messaging.destination.name"), KafkaTestClients.ORDERS_PLACED);
        long countBefore = metrics.histogramCount("messaging.process.duration", ordersPlaced);
        double secondsBefore = metrics.histogramSum("messaging.process.duration", ordersPlaced);
        behaviour.setProcessingDelay(Duration.ofMillis(600));
        String orderId = UUID.randomUUID().toString();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> metrics.histogramCount("messaging.process.duration", ordersPlaced) > countBefore);
        assertEquals(1, invoicesCreated.awaitRecords(orderId, 1).size());
        double recorded = metrics.histogramSum("messaging.process.duration", ordersPlaced) - secondsBefore;
        assertTrue(recorded >= 0.6, () -> "recorded " + recorded + " s");
    }

    @Test
    void aPausedWorkerLeavesRecordsInKafkaUntilResumed() {
        behaviour.pause();
        String orderId = UUID.randomUUID().toString();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());

        assertTrue(behaviour.isPaused());
        assertEquals(0, invoicesCreated.recordsAfter(orderId, Duration.ofSeconds(2)).size());
        assertEquals(0, billing.callsFor(orderId));
        behaviour.resume();
        assertEquals(1, invoicesCreated.awaitRecords(orderId, 1).size());
    }

    @Test
    void withOneSlotRecordsAreProcessedOneAtATime() {
        behaviour.setConcurrency(1);
        behaviour.setProcessingDelay(Duration.ofMillis(300));

        List<SpanData> processing = processTogether(4);

        assertEquals(1, maxOverlapping(processing), () -> "spans overlapped: " + processing);
    }

    @Test
    void withFourSlotsUpToFourRecordsAreProcessedAtOnce() {
        behaviour.setConcurrency(4);
        behaviour.setProcessingDelay(Duration.ofMillis(300));

        List<SpanData> processing = processTogether(6);

        int overlapping = maxOverlapping(processing);
        assertTrue(overlapping > 1 && overlapping <= 4, () -> overlapping + " records were processed at once");
    }

    /**
     * Sends {@code count} records while consumption is paused, then resumes, so that all of them reach
     * the worker at once; returns the {@code worker.invoice_order} span of each.
     */
    private List<SpanData> processTogether(int count) {
        behaviour.pause();
        Set<String> orderIds = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String orderId = UUID.randomUUID().toString();
            orderIds.add(orderId);
            sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());
        }
        behaviour.resume();
        Predicate<SpanData> processingOfTheseOrders = span -> span.getName().equals("worker.invoice_order")
                && orderIds.contains(span.getAttributes().get(AppAttributes.ORDER_ID));
        return Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> spans.getFinishedSpanItems().stream().filter(processingOfTheseOrders).toList(),
                        finished -> finished.size() == count);
    }

    /** The largest number of spans that were open at the same moment. */
    private static int maxOverlapping(List<SpanData> spans) {
        List<long[]> startsAndEnds = new ArrayList<>();
        for (SpanData span : spans) {
            startsAndEnds.add(new long[] { span.getStartEpochNanos(), +1 });
            startsAndEnds.add(new long[] { span.getEndEpochNanos(), -1 });
        }
        // At the same instant an end comes before a start: a span that begins as another ends does not overlap it.
        startsAndEnds.sort(Comparator.<long[]> comparingLong(event -> event[0]).thenComparingLong(event -> event[1]));
        int open = 0;
        int most = 0;
        for (long[] event : startsAndEnds) {
            open += (int) event[1];
            most = Math.max(most, open);
        }
        return most;
    }
}
