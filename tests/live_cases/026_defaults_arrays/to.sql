CREATE TABLE profiles (
    id integer PRIMARY KEY,
    tags text[] NOT NULL DEFAULT '{}',
    scores integer[] DEFAULT ARRAY[1, 2, 3],
    aliases varchar(20)[] DEFAULT '{"a","b c"}',
    empty_ids bigint[] DEFAULT ARRAY[]::bigint[],
    weights numeric(4,2)[] DEFAULT '{0.5,1.25,NULL}',
    flags boolean[] DEFAULT '{true,false}'
);
