package io.otelref.billing.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Account;
import io.otelref.billing.telemetry.AccountLockWait;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    private final AccountLockWait lockWait;

    AccountRepository(AccountLockWait lockWait) {
        this.lockWait = lockWait;
    }

    /**
     * Reads the account with {@code SELECT … FOR UPDATE}: the row stays locked until the current
     * transaction ends, and a concurrent caller waits here. The wait is recorded in
     * {@value AccountLockWait#METRIC}. Written as SQL rather than {@code LockModeType.PESSIMISTIC_WRITE}
     * (which Hibernate turns into the equivalent {@code FOR NO KEY UPDATE} on PostgreSQL) so that the
     * statement in a trace is the textbook one.
     */
    public Optional<Account> lockForUpdate(String id) {
        return lockWait.measure(() -> getEntityManager()
                .createNativeQuery("select * from account where id = :id for update", Account.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst());
    }
}
