CREATE TABLE messages (
    id serial PRIMARY KEY,
    body text NOT NULL
);

CREATE TABLE replies (
    id serial PRIMARY KEY,
    message_id integer NOT NULL REFERENCES messages (id)
);
