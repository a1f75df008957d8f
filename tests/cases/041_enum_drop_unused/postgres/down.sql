-- undo - enum legacy_kind
CREATE TYPE public.legacy_kind AS ENUM ('a', 'b');
