-- schemac migration 0004 up: models_table_for_model_binaries
-- message: models table for model binaries
-- created: 2026-11-21 by schemac 0.1.0 from schema (generated; do not edit, see schemac.sum)

-- + schema modelstore
CREATE SCHEMA modelstore;

-- + table modelstore.models
CREATE TABLE modelstore.models (
    id serial NOT NULL,
    name varchar(255) NOT NULL,
    version integer NOT NULL,
    model_type varchar(50) NOT NULL,
    event varchar(255) NOT NULL,
    model_binary bytea NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    is_active boolean DEFAULT true,
    CONSTRAINT models_pkey PRIMARY KEY (id),
    CONSTRAINT models_name_version_key UNIQUE (name, version),
    CONSTRAINT ck_models_model_type CHECK (model_type IN ('classifier_binary', 'regression', 'vectorizer'))
);

-- + index idx_models_latest_active on modelstore.models
CREATE INDEX idx_models_latest_active ON modelstore.models (name, event, model_type, version DESC) WHERE is_active;

-- ~ comment on table modelstore.models
COMMENT ON TABLE modelstore.models IS 'Trained model binaries, versioned per name (was one .joblib file per model)';

-- ~ comment on column modelstore.models.version
COMMENT ON COLUMN modelstore.models.version IS 'Incremented by the trainer for each run of the same model name';

-- ~ comment on column modelstore.models.model_type
COMMENT ON COLUMN modelstore.models.model_type IS 'classifier_binary, regression or vectorizer (see ck_models_model_type)';

-- ~ comment on column modelstore.models.model_binary
COMMENT ON COLUMN modelstore.models.model_binary IS 'The serialized (joblib) model';
