-- word sorts bytewise from now on (its unique index is rebuilt), code goes
-- back to the database's collation, tag and the array take POSIX.
CREATE TABLE words (
    id bigint PRIMARY KEY,
    word text COLLATE "C" NOT NULL,
    code varchar(10),
    tag text COLLATE "POSIX",
    tags text[] COLLATE "C"
);
CREATE UNIQUE INDEX words_word_key ON words (word);
