CREATE TYPE ticket_state AS ENUM ('draft', 'new', 'open', 'on hold', 'waiting for "customer"', 'closed', 'archived');

CREATE TABLE tickets (
    id serial PRIMARY KEY,
    state ticket_state NOT NULL DEFAULT 'draft'
);
