-- undo + index events_at_idx on events (TimescaleDB's time index)
DROP INDEX IF EXISTS public.events_at_idx;

-- undo - index events_by_time on events
CREATE INDEX events_by_time ON public.events (at);
