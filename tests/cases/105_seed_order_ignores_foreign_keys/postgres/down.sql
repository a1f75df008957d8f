-- undo + foreign key models_family_fkey on models
ALTER TABLE public.models DROP CONSTRAINT models_family_fkey;

-- undo + seed row families (name=boosting)
DELETE FROM public.families WHERE name = 'boosting';

-- undo + seed row models (name=xgb_daily)
DELETE FROM public.models WHERE name = 'xgb_daily';

-- undo + table families
--   data-loss: drops table families with every row written since it was created
DROP TABLE public.families;

-- undo + table models
--   data-loss: drops table models with every row written since it was created
DROP TABLE public.models;
