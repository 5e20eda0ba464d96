-- Accounts that can be charged. credit_limit caps the total of OPEN authorizations (PENDING or
-- AUTHORIZED, i.e. authorized but not yet invoiced); a captured authorization no longer counts.
create table account (
    id           varchar(8)     primary key,
    credit_limit numeric(12, 2) not null check (credit_limit >= 0),
    currency     varchar(3)     not null
);

create table product (
    sku        varchar(8)     primary key,
    name       varchar(100)   not null,
    unit_price numeric(10, 2) not null check (unit_price > 0),
    currency   varchar(3)     not null
);

-- One authorization per order: the unique constraint is what makes a replayed or concurrent
-- authorization of the same order harmless. There is no foreign key to account on purpose: its
-- check would take a KEY SHARE lock on the account row, which a held FOR UPDATE lock blocks.
create table payment_authorization (
    id                uuid           primary key,
    order_id          uuid           not null,
    account_id        varchar(8)     not null,
    amount            numeric(12, 2) not null check (amount > 0),
    currency          varchar(3)     not null,
    status            varchar(16)    not null check (status in ('PENDING', 'AUTHORIZED', 'CAPTURED')),
    gateway_reference varchar(64),
    created_at        timestamp(6) with time zone not null,
    constraint payment_authorization_one_per_order unique (order_id)
);

-- The credit check sums the open authorizations of one account while holding its row lock.
create index payment_authorization_open_by_account
    on payment_authorization (account_id) where status in ('PENDING', 'AUTHORIZED');

-- At most one invoice per order, whatever is retried or redelivered.
create table invoice (
    id                uuid           primary key,
    order_id          uuid           not null,
    authorization_id  uuid           not null references payment_authorization (id),
    account_id        varchar(8)     not null,
    amount            numeric(12, 2) not null check (amount > 0),
    currency          varchar(3)     not null,
    gateway_reference varchar(64)    not null,
    created_at        timestamp(6) with time zone not null,
    constraint invoice_one_per_order unique (order_id)
);
