CREATE TYPE status AS ENUM ('active', 'suspended', 'deleted');
CREATE TABLE accounts (
    id serial PRIMARY KEY,
    status status NOT NULL DEFAULT 'active'
);
