package io.otelref.checkout.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(nullable = false)
    public String currency;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "invoiced_at")
    public Instant invoicedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("lineNumber")
    public List<OrderLine> lines = new ArrayList<>();

    /** Records the invoice once; returns false when the order was already invoiced (a redelivered event). */
    public boolean markInvoiced(UUID invoice, Instant at) {
        if (status == OrderStatus.INVOICED) {
            return false;
        }
        status = OrderStatus.INVOICED;
        invoiceId = invoice;
        invoicedAt = at;
        return true;
    }
}
