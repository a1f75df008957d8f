-- - seed row ml_model_registry (model_name=lstm_legacy)
--   data-loss: the row is deleted (and rows referencing it, if their foreign key cascades)
--   deletes the seed row model_name=lstm_legacy of ml_model_registry
DELETE FROM public.ml_model_registry WHERE model_name = 'lstm_legacy';

-- ~ seed row ml_model_registry (model_name=catboost_nightly_incremental)
UPDATE public.ml_model_registry SET version = '1.1.0' WHERE model_name = 'catboost_nightly_incremental';

-- ~ seed row ml_model_registry (model_name=xgboost_weekly_quick)
UPDATE public.ml_model_registry SET status = 'paused' WHERE model_name = 'xgboost_weekly_quick';

-- + seed row ml_model_registry (model_name=transformer_daily)
INSERT INTO public.ml_model_registry (model_name, version) VALUES ('transformer_daily', '2.0.0') ON CONFLICT (model_name) DO NOTHING;
