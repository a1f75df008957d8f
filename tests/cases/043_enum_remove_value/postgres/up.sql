-- ~ enum order_status: made again with values removed ('cancelled')
--   table-rewrite: converts orders.status, orders.seen to the new type: each table is rewritten
--   exclusive-lock: each table is locked ACCESS EXCLUSIVE while it is rewritten
--   may-fail: fails (and rolls back) if a row of orders.status, orders.seen holds 'cancelled'
--   breaks-running-app: the running application can no longer write 'cancelled'
ALTER TYPE public.order_status RENAME TO schemac_old_order_status;
CREATE TYPE public.order_status AS ENUM ('pending', 'filled');
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE public.order_status USING status::text::public.order_status,
    ALTER COLUMN status SET DEFAULT 'pending',
    ALTER COLUMN seen TYPE public.order_status[] USING seen::text[]::public.order_status[];
DROP TYPE public.schemac_old_order_status;
