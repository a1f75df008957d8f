CREATE TABLE subscriptions (
    id serial PRIMARY KEY,
    active boolean NOT NULL,
    trial boolean
);
