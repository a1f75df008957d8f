CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    login varchar(64) NOT NULL
);
