package io.otelref.loadgen.traffic;

import java.util.List;

/** The JSON body of one POST /api/checkout. */
public record CheckoutOrder(String accountId, List<OrderLine> items) {
}
