-- + table venues
CREATE TABLE public.venues (
    code varchar(10) NOT NULL,
    name text NOT NULL,
    CONSTRAINT venues_pkey PRIMARY KEY (code)
);

-- + seed row venues (code=XNAS)
INSERT INTO public.venues (code, name) VALUES ('XNAS', 'Nasdaq') ON CONFLICT (code) DO NOTHING;

-- + foreign key trades_venue_fkey on trades
ALTER TABLE public.trades ADD CONSTRAINT trades_venue_fkey FOREIGN KEY (venue) REFERENCES public.venues NOT VALID;

-- ~ validate trades_venue_fkey on trades
--   full-scan: reads every row of trades under a lock that lets writes continue; fails if a row breaks trades_venue_fkey
--   runs in a transaction of its own, after the steps above are committed (schemac diff starts a new file)
ALTER TABLE public.trades VALIDATE CONSTRAINT trades_venue_fkey;
