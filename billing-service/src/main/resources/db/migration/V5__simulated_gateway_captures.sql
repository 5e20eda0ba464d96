-- The simulated payment gateway's own books: the money it has taken, one row per idempotency key (a
-- capture without a key gets a key of its own, as it is charged every time). A real gateway keeps these on
-- its side; the simulator keeps them in billing's database so that they outlive a restart of billing, and
-- so that the fault suite can check that every invoice was charged exactly once.
create table simulated_gateway_capture (
    idempotency_key   varchar(128)   primary key,
    capture_reference varchar(64)    not null unique,
    amount            numeric(12, 2) not null,
    currency          varchar(3)     not null,
    requests          integer        not null,
    captured_at       timestamp(6) with time zone not null
);
