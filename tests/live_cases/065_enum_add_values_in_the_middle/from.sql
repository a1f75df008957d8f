CREATE TYPE ticket_state AS ENUM ('new', 'open', 'closed');

CREATE TABLE tickets (
    id serial PRIMARY KEY,
    state ticket_state NOT NULL DEFAULT 'new'
);
