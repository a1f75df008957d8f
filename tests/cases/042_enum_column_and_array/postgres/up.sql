-- + column orders.status
ALTER TABLE public.orders ADD COLUMN status public.order_status NOT NULL DEFAULT 'pending';

-- + column orders.history
ALTER TABLE public.orders ADD COLUMN history public.order_status[];

-- + column orders.allowed
ALTER TABLE public.orders ADD COLUMN allowed public.order_status[] NOT NULL DEFAULT '{"pending","filled"}';
