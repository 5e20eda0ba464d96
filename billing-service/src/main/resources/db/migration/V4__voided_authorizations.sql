-- An authorization can be voided: checkout-service gives back the money it held for an order that it
-- never stored (it failed after billing had answered). A voided authorization no longer counts against
-- the account's credit, and is replaced if the same order is authorized again.
alter table payment_authorization drop constraint payment_authorization_status_check;
alter table payment_authorization add constraint payment_authorization_status_check
    check (status in ('PENDING', 'AUTHORIZED', 'CAPTURED', 'VOIDED'));
alter table payment_authorization add column voided_at timestamp(6) with time zone;
