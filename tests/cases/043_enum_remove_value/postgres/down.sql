-- undo ~ enum order_status: made again with values removed ('cancelled')
ALTER TYPE public.order_status RENAME TO schemac_old_order_status;
CREATE TYPE public.order_status AS ENUM ('pending', 'filled', 'cancelled');
ALTER TABLE public.orders ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE public.order_status USING status::text::public.order_status,
    ALTER COLUMN status SET DEFAULT 'pending',
    ALTER COLUMN seen TYPE public.order_status[] USING seen::text[]::public.order_status[];
DROP TYPE public.schemac_old_order_status;
