-- undo + seed row ml_model_registry (model_name=transformer_daily)
DELETE FROM public.ml_model_registry WHERE model_name = 'transformer_daily';

-- undo ~ seed row ml_model_registry (model_name=xgboost_weekly_quick)
UPDATE public.ml_model_registry SET status = 'active' WHERE model_name = 'xgboost_weekly_quick';

-- undo ~ seed row ml_model_registry (model_name=catboost_nightly_incremental)
UPDATE public.ml_model_registry SET version = '1.0.0' WHERE model_name = 'catboost_nightly_incremental';

-- undo - seed row ml_model_registry (model_name=lstm_legacy)
INSERT INTO public.ml_model_registry (model_name, version, status) VALUES ('lstm_legacy', '0.9.0', 'active') ON CONFLICT (model_name) DO NOTHING;
