CREATE TABLE jobs (
    id serial PRIMARY KEY,
    state varchar(20) NOT NULL DEFAULT 'queued',
    attempts int NOT NULL DEFAULT 0,
    max_attempts int DEFAULT 10,
    queued_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    priority smallint,
    payload jsonb DEFAULT '{"v": 1}'
);
