-- + column orders.currency
--   may-fail: NOT NULL without a default fails if orders has rows; give it a default (no rewrite for a constant) or a `backfill:` SQL expression in the YAML, which adds it nullable, fills the existing rows, then sets NOT NULL
ALTER TABLE public.orders ADD COLUMN currency char(3) NOT NULL;
