CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    line1 varchar(200) NOT NULL,
    line2 varchar(200) NOT NULL,
    city varchar(100) NOT NULL,
    postal_code varchar(20) NOT NULL,
    country char(2) NOT NULL
);
