-- + enum signal_side
CREATE TYPE public.signal_side AS ENUM ('buy', 'sell', 'hold');

-- + enum order_status
CREATE TYPE public.order_status AS ENUM ('pending', 'filled', 'cancelled');

-- ~ comment on enum order_status
COMMENT ON TYPE public.order_status IS 'Lifecycle of an order';
