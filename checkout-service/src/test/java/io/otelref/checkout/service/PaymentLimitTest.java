package io.otelref.checkout.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.otelref.platform.problem.ProblemException;

/**
 * A total larger than any payment billing authorizes is declined by checkout itself: billing's API would
 * answer 400 to it, which checkout could only pass on as its own defect (a 500).
 */
class PaymentLimitTest {

    /** No billing and no payment holds: a call to either would fail the test with a NullPointerException. */
    private final PaymentService payments = new PaymentService(null, null, null);

    @Test
    void aTotalOverTheLargestAuthorizableAmountIsDeclinedWithoutAskingBilling() {
        PricedOrder order = new PricedOrder(UUID.randomUUID(), "acc-0001",
                List.of(new PricedOrder.Line(1, "SKU-0050", 1000, new BigDecimal("1000.01"), new BigDecimal("1000010.00"))),
                new BigDecimal("1000010.00"), "EUR");
        ProblemException declined = assertThrows(ProblemException.class, () -> payments.authorize(order));
        assertEquals(402, declined.status());
        assertEquals("payment-declined", declined.typeSlug());
        assertTrue(declined.getMessage().contains("1000000.00 EUR"), declined.getMessage());
    }
}
