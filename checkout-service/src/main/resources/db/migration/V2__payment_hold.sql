-- The payments billing may be holding for orders that are not stored (yet). A row is written, in a
-- transaction of its own, just before billing is asked to authorize an order's payment, and removed in
-- the transaction that stores the order. A row that outlives checkout.payment.orphan-after therefore
-- belongs to a checkout that failed after billing may already have said yes (the database went away,
-- the service was killed): OrphanedPayments asks billing to void its authorization, then removes it.
-- voiding marks a row claimed for that, so that the order can no longer be stored with it.
CREATE TABLE payment_hold (
    order_id     UUID        PRIMARY KEY,
    account_id   VARCHAR(16) NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    voiding      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX payment_hold_requested_idx ON payment_hold (requested_at);
