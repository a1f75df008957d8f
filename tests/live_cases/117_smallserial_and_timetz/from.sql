CREATE TABLE desks (
    id smallserial PRIMARY KEY,
    opens time NOT NULL DEFAULT '09:00'
);
