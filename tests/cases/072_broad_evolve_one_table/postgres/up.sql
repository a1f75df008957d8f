-- - column orders.fax
--   data-loss: the values of orders.fax are deleted
--   breaks-running-app: a running application that still reads fax fails: deploy the code that stops using it first
--   loses every value of column orders.fax
ALTER TABLE public.orders DROP COLUMN fax;

-- > column orders.cust -> customer_ref
--   breaks-running-app: SQL that names cust stops working; deploy code that copes with both names first
ALTER TABLE public.orders RENAME COLUMN cust TO customer_ref;

-- > index orders_cust_idx -> orders_customer_ref_idx
ALTER INDEX public.orders_cust_idx RENAME TO orders_customer_ref_idx;

-- ~ column orders.customer_ref: type varchar(50) -> varchar(100)
ALTER TABLE public.orders ALTER COLUMN customer_ref TYPE varchar(100);

-- ~ column orders.status: default 'new' -> none
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT;

-- ~ column orders.note: nullable
ALTER TABLE public.orders ALTER COLUMN note DROP NOT NULL;

-- + column orders.currency
ALTER TABLE public.orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'USD';

-- + unique orders_customer_ref_id_key on orders
--   may-fail: fails if existing rows have duplicates; the INVALID index the failed build leaves is dropped, and `schemac apply --resume` builds it again
--   the index is built without blocking reads or writes, then attached with a brief ACCESS EXCLUSIVE lock
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE UNIQUE INDEX CONCURRENTLY orders_customer_ref_id_key ON public.orders (customer_ref, id);
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_ref_id_key UNIQUE USING INDEX orders_customer_ref_id_key;

-- + check ck_orders_total on orders
ALTER TABLE public.orders ADD CONSTRAINT ck_orders_total CHECK (total >= 0) NOT VALID;

-- + index idx_orders_status on orders
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY idx_orders_status ON public.orders (status) WHERE status <> 'done';

-- ~ comment on column orders.currency
COMMENT ON COLUMN public.orders.currency IS 'ISO 4217';

-- ~ comment on table orders
COMMENT ON TABLE public.orders IS 'Customer orders';

-- ~ validate ck_orders_total on orders
--   full-scan: reads every row of orders under a lock that lets writes continue; fails if a row breaks ck_orders_total
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.orders VALIDATE CONSTRAINT ck_orders_total;
