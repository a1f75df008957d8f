CREATE TABLE jobs (
    id serial PRIMARY KEY,
    state varchar(20) NOT NULL DEFAULT 'new',
    attempts int NOT NULL DEFAULT 0,
    max_attempts int DEFAULT 3,
    queued_at timestamptz DEFAULT now(),
    priority smallint DEFAULT 5,
    payload jsonb DEFAULT '{}'
);
