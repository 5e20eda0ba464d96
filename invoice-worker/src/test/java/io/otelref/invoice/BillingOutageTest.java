package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.otelref.testing.TopicTail;
import io.otelref.testing.TraceParent;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The worker's two nested retry loops through a whole outage of billing: the client's guard (up to 4
 * requests per attempt of the record) inside {@code RecordProcessing}'s retry of the record. The circuit
 * breaker bounds what one record sends however long the outage lasts, and the record still becomes
 * exactly one invoice once billing is back.
 */
@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class BillingOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(8);
    /** 20 failed requests open the breaker (its request volume); then one trial per 5 s it stays open, and the success. */
    private static final int MOST_REQUESTS = 20 + 3;

    @Inject
    BillingStub billing;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private TopicTail invoicesCreated;

    @BeforeEach
    void closedBreakerAndTail() {
        circuitBreakers.resetAll();
        invoicesCreated = KafkaTestClients.KAFKA.tail(KafkaTestClients.INVOICES_CREATED);
    }

    @AfterEach
    void closeTail() {
        invoicesCreated.close();
        circuitBreakers.resetAll();
    }

    @Test
    void aRecordWaitsOutAnOutageWithABoundedNumberOfRequests() {
        String orderId = UUID.randomUUID().toString();
        billing.unavailableFromFirstCall(orderId, OUTAGE);

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), TraceParent.random());

        invoicesCreated.awaitRecords(orderId, 1);
        int requests = billing.callsFor(orderId);
        // Without the outer loop the record would have been given up after 4 requests; without the breaker,
        // every attempt of the record would have sent 4 more for as long as the outage lasted.
        assertTrue(requests > 4, () -> requests + " requests: the record was not retried beyond one guarded call");
        assertTrue(requests <= MOST_REQUESTS, () -> requests + " requests for one record through an outage of " + OUTAGE);
        assertEquals(1, invoicesCreated.recordsAfter(orderId, Duration.ofSeconds(2)).size(), "one invoice for the order");
    }
}
