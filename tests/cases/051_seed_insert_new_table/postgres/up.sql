-- + table currencies
CREATE TABLE public.currencies (
    code char(3) NOT NULL,
    name text NOT NULL,
    decimals smallint NOT NULL DEFAULT 2,
    CONSTRAINT currencies_pkey PRIMARY KEY (code)
);

-- + seed row currencies (code=USD)
INSERT INTO public.currencies (code, name) VALUES ('USD', 'US Dollar') ON CONFLICT (code) DO NOTHING;

-- + seed row currencies (code=JPY)
INSERT INTO public.currencies (code, name, decimals) VALUES ('JPY', 'Japanese Yen', 0) ON CONFLICT (code) DO NOTHING;

-- + seed row currencies (code=EUR)
INSERT INTO public.currencies (code, name) VALUES ('EUR', 'Euro (it''s €)') ON CONFLICT (code) DO NOTHING;
