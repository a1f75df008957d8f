-- undo + index brin_ticks_ts on ticks
DROP INDEX public.brin_ticks_ts;

-- undo + index ticks_symbol_idx on ticks
DROP INDEX public.ticks_symbol_idx;
