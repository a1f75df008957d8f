CREATE TYPE status AS ENUM ('active', 'deleted');
CREATE TABLE accounts (
    id serial PRIMARY KEY,
    status status NOT NULL DEFAULT 'active'
);
