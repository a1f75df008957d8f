-- + column orders.currency
--   may-fail: NOT NULL without a default fails if orders has rows; give it a default (no rewrite for a constant) or add it nullable, backfill, then set NOT NULL
ALTER TABLE public.orders ADD COLUMN currency char(3) NOT NULL;
