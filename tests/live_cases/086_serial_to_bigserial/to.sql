CREATE TABLE messages (
    id bigserial PRIMARY KEY,
    body text NOT NULL
);

CREATE TABLE replies (
    id serial PRIMARY KEY,
    message_id bigint NOT NULL REFERENCES messages (id)
);
