-- undo + index brin_ticks_ts on ticks
DROP INDEX CONCURRENTLY IF EXISTS public.brin_ticks_ts;

-- undo + index ticks_symbol_idx on ticks
DROP INDEX CONCURRENTLY IF EXISTS public.ticks_symbol_idx;
