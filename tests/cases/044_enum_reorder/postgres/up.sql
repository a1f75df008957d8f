-- ~ enum order_status: made again with its values reordered
ALTER TYPE public.order_status RENAME TO schemac_old_order_status;
CREATE TYPE public.order_status AS ENUM ('pending', 'cancelled', 'filled');
DROP TYPE public.schemac_old_order_status;
