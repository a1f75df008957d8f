CREATE TABLE words (
    id bigint PRIMARY KEY,
    word text NOT NULL,
    code varchar(10) COLLATE "C",
    tag text,
    tags text[]
);
CREATE UNIQUE INDEX words_word_key ON words (word);
