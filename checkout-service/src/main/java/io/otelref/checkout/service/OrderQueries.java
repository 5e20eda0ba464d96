package io.otelref.checkout.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.checkout.repository.OrderRepository;
import io.otelref.checkout.rest.OrderResponse;
import io.otelref.platform.problem.ProblemException;

@ApplicationScoped
public class OrderQueries {

    private final OrderRepository orders;

    OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    public OrderResponse find(UUID orderId) {
        return orders.findByIdOptional(orderId)
                .map(OrderResponse::of)
                .orElseThrow(() -> ProblemException.forField(404, "unknown-order", "No such order", "orderId",
                        "no order " + orderId + " exists"));
    }
}
