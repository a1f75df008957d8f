-- + table prices
CREATE TABLE public.prices (
    id serial NOT NULL,
    symbol varchar(20) NOT NULL,
    trade_date date NOT NULL,
    close numeric(10,2),
    volume bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT prices_pkey PRIMARY KEY (id),
    CONSTRAINT prices_symbol_trade_date_key UNIQUE (symbol, trade_date)
);

-- ~ comment on table prices
COMMENT ON TABLE public.prices IS 'Daily OHLCV bars per symbol';

-- ~ comment on column prices.volume
COMMENT ON COLUMN public.prices.volume IS 'Shares traded';
