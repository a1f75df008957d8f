CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    user_id integer NOT NULL
);
