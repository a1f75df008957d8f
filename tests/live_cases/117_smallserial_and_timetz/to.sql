-- time becomes time with time zone (the runner's session is in UTC, so
-- 09:00 becomes 09:00:00+00), a timetz column with a precision, and a
-- second table numbered by a smallserial.
CREATE TABLE desks (
    id smallserial PRIMARY KEY,
    opens time with time zone NOT NULL DEFAULT '09:00:00+01',
    closes timetz(3)
);
CREATE TABLE seats (
    id serial2 PRIMARY KEY,
    desk_id smallint NOT NULL REFERENCES desks (id)
);
