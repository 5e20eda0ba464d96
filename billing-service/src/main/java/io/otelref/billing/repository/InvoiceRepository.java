package io.otelref.billing.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Invoice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public Optional<Invoice> findByIdempotencyKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    /** Oldest first: with one key per order there is one; a second is a duplicate of the first. */
    public List<Invoice> listByOrderId(UUID orderId) {
        return list("orderId = ?1 order by createdAt, id", orderId);
    }
}
