package io.otelref.billing.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
public class Product {

    @Id
    public String sku;

    public String name;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    public String currency;
}
