CREATE TABLE imports (
    file_name text NOT NULL,
    imported_at timestamptz NOT NULL
);
