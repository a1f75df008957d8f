CREATE TABLE memberships (
    id serial,
    group_id integer NOT NULL,
    user_id integer NOT NULL,
    role text NOT NULL,
    CONSTRAINT memberships_pkey PRIMARY KEY (group_id, user_id)
);
