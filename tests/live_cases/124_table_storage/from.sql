CREATE TABLE sessions (id bigint PRIMARY KEY);
CREATE TABLE clicks (
    id bigint PRIMARY KEY,
    session_id bigint NOT NULL REFERENCES sessions,
    parent_id bigint REFERENCES clicks
);
CREATE UNLOGGED TABLE staging (id int PRIMARY KEY, payload text) WITH (autovacuum_enabled = false);
CREATE TABLE orders (id bigint PRIMARY KEY, note text) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05, toast_tuple_target = 256);
INSERT INTO sessions VALUES (1), (2);
INSERT INTO clicks VALUES (1, 1, NULL), (2, 1, 1), (3, 2, 2);
INSERT INTO orders VALUES (1, 'a');
