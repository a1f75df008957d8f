-- + table customers
CREATE TABLE public.customers (
    id bigserial NOT NULL,
    name text NOT NULL,
    CONSTRAINT customers_pkey PRIMARY KEY (id)
);

-- + table orders
CREATE TABLE public.orders (
    id bigserial NOT NULL,
    customer_id bigint NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- + table order_lines
CREATE TABLE public.order_lines (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    sku text NOT NULL,
    CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no)
);

-- + foreign key orders_customer_id_fkey on orders
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers;

-- + foreign key order_lines_order_id_fkey on order_lines
ALTER TABLE public.order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders (id) ON DELETE CASCADE;
