-- + column model_health.status
ALTER TABLE public.model_health ADD COLUMN status varchar(20) NOT NULL DEFAULT 'healthy';

-- + column model_health.retries
ALTER TABLE public.model_health ADD COLUMN retries integer NOT NULL DEFAULT 0;
