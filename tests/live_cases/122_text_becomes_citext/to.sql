-- email compares without case from now on (and its unique constraint with it);
-- a citext array and a citext default.
CREATE EXTENSION citext;
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    aliases citext[],
    team citext NOT NULL DEFAULT 'Core'
);
