package io.otelref.billing.repository;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.AuthorizationStatus;
import io.otelref.billing.domain.PaymentAuthorization;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PaymentAuthorizationRepository implements PanacheRepositoryBase<PaymentAuthorization, UUID> {

    public Optional<PaymentAuthorization> findByOrderId(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /** The credit an account has used up: the total of its open authorizations. */
    public BigDecimal openAmount(String accountId) {
        return getEntityManager()
                .createQuery("select coalesce(sum(a.amount), 0) from PaymentAuthorization a"
                        + " where a.accountId = :accountId and a.status in :open", BigDecimal.class)
                .setParameter("accountId", accountId)
                .setParameter("open", AuthorizationStatus.OPEN)
                .getSingleResult();
    }
}
