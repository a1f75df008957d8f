-- + index ticks_symbol_idx on ticks
--   exclusive-lock: writes to ticks wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX ticks_symbol_idx ON public.ticks USING hash (symbol);

-- + index brin_ticks_ts on ticks
--   exclusive-lock: writes to ticks wait while the index builds; set concurrently: true to build it without blocking writes
CREATE INDEX brin_ticks_ts ON public.ticks USING brin (ts);
