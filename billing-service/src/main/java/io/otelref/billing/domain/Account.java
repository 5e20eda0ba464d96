package io.otelref.billing.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer account. Its row is the lock that serializes the authorizations of one account, so that
 * two concurrent payments cannot both spend the same remaining credit.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public String id;

    /** The maximum total of open (authorized, not yet invoiced) authorizations. */
    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    public String currency;
}
