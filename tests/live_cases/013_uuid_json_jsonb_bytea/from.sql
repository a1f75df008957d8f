create table documents (
    id uuid primary key
);
