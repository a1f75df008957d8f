CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    line1 varchar(200) NOT NULL,
    line2 varchar(200),
    city varchar(100) NOT NULL,
    postal_code varchar(20),
    country char(2) NOT NULL
);
