-- - enum legacy_kind
--   breaks-running-app: the running application can no longer use type legacy_kind
DROP TYPE public.legacy_kind;
