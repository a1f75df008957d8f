CREATE TABLE words (
    id serial PRIMARY KEY,
    word text COLLATE "C" NOT NULL,
    sort_key varchar(50) COLLATE "POSIX"
);
