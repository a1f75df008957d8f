CREATE TABLE devices (
    id int PRIMARY KEY,
    caps bit(4) NOT NULL DEFAULT B'1010',
    mask BIT VARYING(8),
    flags varbit(16)
);
INSERT INTO devices VALUES (1, B'0001', B'11', B'101'), (2, DEFAULT, NULL, NULL);
