-- undo + foreign key order_user_fkey on order
ALTER TABLE public."order" DROP CONSTRAINT order_user_fkey;

-- undo + index order_user_timestamp_idx on order
DROP INDEX public.order_user_timestamp_idx;

-- undo + column user.default
--   data-loss: loses the values of column user.default
ALTER TABLE public."user" DROP COLUMN "default";

-- undo + table order
--   data-loss: drops table order with every row written since it was created
DROP TABLE public."order";
