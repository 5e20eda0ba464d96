package io.otelref.billing.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Invoice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public Optional<Invoice> findByOrderId(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }
}
