CREATE TABLE devices (
    id int PRIMARY KEY,
    caps varbit(8) NOT NULL DEFAULT '1010',
    mask varbit(16),
    flags bit varying,
    parity bit,
    history varbit(32)[]
);
INSERT INTO devices VALUES (1, B'0001', B'11', B'101'), (2, DEFAULT, NULL, NULL);
