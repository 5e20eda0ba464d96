package io.otelref.checkout.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.checkout.domain.CustomerOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {
}
