-- + table models
CREATE TABLE public.models (
    name text NOT NULL,
    family text NOT NULL,
    CONSTRAINT models_pkey PRIMARY KEY (name)
);

-- + table families
CREATE TABLE public.families (
    name text NOT NULL,
    CONSTRAINT families_pkey PRIMARY KEY (name)
);

-- + seed row models (name=xgb_daily)
INSERT INTO public.models (name, family) VALUES ('xgb_daily', 'boosting') ON CONFLICT (name) DO NOTHING;

-- + seed row families (name=boosting)
INSERT INTO public.families (name) VALUES ('boosting') ON CONFLICT (name) DO NOTHING;

-- + foreign key models_family_fkey on models
ALTER TABLE public.models ADD CONSTRAINT models_family_fkey FOREIGN KEY (family) REFERENCES public.families;
