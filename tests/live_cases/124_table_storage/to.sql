CREATE UNLOGGED TABLE sessions (id bigint PRIMARY KEY);
CREATE UNLOGGED TABLE clicks (
    id bigint PRIMARY KEY,
    session_id bigint NOT NULL REFERENCES sessions,
    parent_id bigint REFERENCES clicks
);
CREATE TABLE staging (id int PRIMARY KEY, payload text);
CREATE TABLE orders (id bigint PRIMARY KEY, note text) WITH (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.05, vacuum_index_cleanup = off, log_autovacuum_min_duration = -1);
CREATE UNLOGGED TABLE cache (key text PRIMARY KEY, session_id bigint REFERENCES sessions) WITH (fillfactor = 90);
INSERT INTO sessions VALUES (1), (2);
INSERT INTO clicks VALUES (1, 1, NULL), (2, 1, 1), (3, 2, 2);
INSERT INTO orders VALUES (1, 'a');
