CREATE TABLE rooms (
    id integer PRIMARY KEY,
    name text NOT NULL,
    CONSTRAINT rooms_name_excl EXCLUDE USING btree (name WITH =)
);
