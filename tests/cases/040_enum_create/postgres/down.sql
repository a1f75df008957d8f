-- undo ~ comment on enum order_status
COMMENT ON TYPE public.order_status IS NULL;

-- undo + enum order_status
DROP TYPE public.order_status;

-- undo + enum signal_side
DROP TYPE public.signal_side;
