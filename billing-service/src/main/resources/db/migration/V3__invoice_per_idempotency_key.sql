-- An invoice is now issued at most once per idempotency key, chosen by the caller, instead of once
-- per order. A caller that keeps one key per order (the invoice-worker sends the order id) still gets
-- one invoice per order; a caller that mints a new key for every attempt gets an invoice, and a
-- capture, for every attempt that reached us: the duplicate-delivery scenario, visible in data.
alter table invoice add column idempotency_key varchar(64);
update invoice set idempotency_key = order_id::text;
alter table invoice alter column idempotency_key set not null;
alter table invoice add constraint invoice_one_per_idempotency_key unique (idempotency_key);
alter table invoice drop constraint invoice_one_per_order;

-- GET /api/invoices?orderId= lists an order's invoices; the dropped constraint's index served it before.
create index invoice_by_order on invoice (order_id);
