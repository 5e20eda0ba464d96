package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otelref.invoice.KafkaTestClients.TopicTail;
import io.otelref.invoice.config.WorkerBehaviour;
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
    MeterRegistry registry;

    private TopicTail invoicesCreated;

    @BeforeEach
    void openTail() {
        invoicesCreated = new TopicTail(KafkaTestClients.INVOICES_CREATED);
    }

    @AfterEach
    void restoreDefaults() {
        behaviour.setProcessingDelay(Duration.ZERO);
        behaviour.resume();
        invoicesCreated.close();
    }

    @Test
    void theProcessingDelayShowsInTheProcessingTimer() {
        Timer invoiced = registry.get("app.invoice.processing").tag("outcome", "invoiced").timer();
        long countBefore = invoiced.count();
        double secondsBefore = invoiced.totalTime(TimeUnit.SECONDS);
        behaviour.setProcessingDelay(Duration.ofMillis(600));
        String orderId = UUID.randomUUID().toString();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> invoiced.count() > countBefore);
        assertEquals(1, invoicesCreated.awaitRecords(orderId, 1).size());
        assertTrue(invoiced.totalTime(TimeUnit.SECONDS) - secondsBefore >= 0.6,
                () -> "recorded " + (invoiced.totalTime(TimeUnit.SECONDS) - secondsBefore) + " s");
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
}
