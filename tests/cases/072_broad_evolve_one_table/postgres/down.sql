-- undo ~ validate ck_orders_total on orders
--   nothing to undo: validating only checks the existing rows

-- undo ~ comment on table orders
COMMENT ON TABLE public.orders IS 'Orders';

-- undo ~ comment on column orders.currency
COMMENT ON COLUMN public.orders.currency IS NULL;

-- undo + index idx_orders_status on orders
DROP INDEX CONCURRENTLY IF EXISTS public.idx_orders_status;

-- undo + check ck_orders_total on orders
ALTER TABLE public.orders DROP CONSTRAINT ck_orders_total;

-- undo + unique orders_customer_ref_id_key on orders
ALTER TABLE public.orders DROP CONSTRAINT IF EXISTS orders_customer_ref_id_key;
DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_ref_id_key;

-- undo + column orders.currency
--   data-loss: loses the values of column orders.currency
ALTER TABLE public.orders DROP COLUMN currency;

-- undo ~ column orders.note: nullable
--   fails if NULLs were written since
ALTER TABLE public.orders ALTER COLUMN note SET NOT NULL;

-- undo ~ column orders.status: default 'new' -> none
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'new';

-- undo ~ column orders.customer_ref: type varchar(50) -> varchar(100)
--   converts back to varchar(50): values that do not fit make the rollback fail
ALTER TABLE public.orders ALTER COLUMN customer_ref TYPE varchar(50);

-- undo > index orders_cust_idx -> orders_customer_ref_idx
ALTER INDEX public.orders_customer_ref_idx RENAME TO orders_cust_idx;

-- undo > column orders.cust -> customer_ref
ALTER TABLE public.orders RENAME COLUMN customer_ref TO cust;

-- undo - column orders.fax
--   re-adds column orders.fax without its old values
ALTER TABLE public.orders ADD COLUMN fax text;
