CREATE TABLE profiles (
    id integer PRIMARY KEY,
    tags text[],
    scores integer[],
    aliases varchar(20)[]
);
