-- undo - enum signal_side
CREATE TYPE public.signal_side AS ENUM ('buy', 'sell', 'hold');

-- undo - table signals
--   recreates signals empty: its rows are not restored
CREATE TABLE public.signals (
    id bigserial NOT NULL,
    side public.signal_side NOT NULL DEFAULT 'hold',
    CONSTRAINT signals_pkey PRIMARY KEY (id)
);
