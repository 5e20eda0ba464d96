package io.otelref.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Product;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {
}
