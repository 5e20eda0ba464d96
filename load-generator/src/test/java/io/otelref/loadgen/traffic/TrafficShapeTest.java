package io.otelref.loadgen.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrafficShapeTest {

    private static final int DRAWS = 20_000;

    @Test
    void hotAccountsReceiveTheirShareAndTheRestSpreadsUniformly() {
        TrafficShape shape = new TrafficShape(new Random(1), 5, 0.8, 1, 3, 0);
        Set<String> hot = Set.of("acc-0001", "acc-0002", "acc-0003", "acc-0004", "acc-0005");
        Set<String> seen = new HashSet<>();
        int onHot = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            String account = shape.nextOrder().order().accountId();
            seen.add(account);
            if (hot.contains(account)) {
                onHot++;
            }
        }
        // 80% go to the hot five; the uniform 20% also lands on them 5 times in 1000.
        double expected = 0.8 + 0.2 * 5 / 1000;
        assertEquals(expected, (double) onHot / DRAWS, 0.015);
        assertTrue(seen.size() > 900, "the cold share reaches most of the 1000 accounts: " + seen.size());
        assertTrue(seen.stream().allMatch(account -> account.matches("acc-(0\\d{3}|1000)")));
    }

    @Test
    void ordersHaveDistinctSkusWithinTheItemBounds() {
        TrafficShape shape = new TrafficShape(new Random(2), 0, 0, 2, 4, 0);
        Set<Integer> sizes = new HashSet<>();
        for (int draw = 0; draw < 2_000; draw++) {
            CheckoutOrder order = shape.nextOrder().order();
            sizes.add(order.items().size());
            assertEquals(order.items().size(), order.items().stream().map(OrderLine::sku).distinct().count());
            for (OrderLine line : order.items()) {
                assertTrue(line.sku().matches("SKU-00(0[1-9]|[1-4]\\d|50)"), line.sku());
                assertTrue(line.quantity() >= 1);
            }
        }
        assertEquals(Set.of(2, 3, 4), sizes);
    }

    @Test
    void retryShareChoosesThatShareOfOrdersForAResend() {
        TrafficShape shape = new TrafficShape(new Random(3), 0, 0, 1, 1, 0.25);
        int resent = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            if (shape.nextOrder().resend()) {
                resent++;
            }
        }
        assertEquals(0.25, (double) resent / DRAWS, 0.015);
    }
}
