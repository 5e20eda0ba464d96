-- acc-0001 … acc-1000. The last ten accounts (acc-0991 … acc-1000) have a tight credit limit of
-- 100.00 EUR so that a demo or a test can provoke a declined payment; all others can hold open
-- authorizations of up to 1,000,000.00 EUR.
insert into account (id, credit_limit, currency)
select 'acc-' || lpad(n::text, 4, '0'),
       case when n > 990 then 100.00 else 1000000.00 end,
       'EUR'
from generate_series(1, 1000) as n;

-- SKU-0001 … SKU-0050: fifty distinct names and deterministic prices between 5.00 and 100.99 EUR.
insert into product (sku, name, unit_price, currency)
select 'SKU-' || lpad(n::text, 4, '0'),
       (array ['Oak', 'Steel', 'Linen', 'Copper', 'Glass'])[1 + (n - 1) / 10] || ' ' ||
       (array ['Lamp', 'Chair', 'Mug', 'Shelf', 'Clock', 'Vase', 'Desk', 'Rug', 'Kettle', 'Frame'])[1 + (n - 1) % 10],
       5 + (n * 37) % 96 + ((n * 13) % 100) / 100.0,
       'EUR'
from generate_series(1, 50) as n;
