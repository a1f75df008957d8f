-- + index ticks_symbol_idx on ticks
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY ticks_symbol_idx ON public.ticks USING hash (symbol);

-- + index brin_ticks_ts on ticks
--   runs outside a transaction block (schemac diff puts it in a file of its own)
CREATE INDEX CONCURRENTLY brin_ticks_ts ON public.ticks USING brin (ts);
