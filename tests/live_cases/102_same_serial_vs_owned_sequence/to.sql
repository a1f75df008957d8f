-- What serial expands to, written out by hand.
CREATE SEQUENCE tickets_id_seq AS integer;
CREATE TABLE tickets (
    id integer NOT NULL DEFAULT nextval('tickets_id_seq'::regclass),
    title text NOT NULL,
    CONSTRAINT tickets_pkey PRIMARY KEY (id)
);
ALTER SEQUENCE tickets_id_seq OWNED BY tickets.id;
