CREATE TABLE shifts (
    id serial PRIMARY KEY,
    active boolean NOT NULL,
    approved bool,
    work_day date NOT NULL,
    starts time NOT NULL,
    ends time(0),
    break_at time(3) without time zone,
    logged timestamp,
    logged_ms timestamp(3),
    logged_plain timestamp without time zone,
    created timestamptz NOT NULL,
    created_s timestamptz(0),
    created_long timestamp with time zone,
    created_long_p timestamp(6) with time zone,
    duration interval
);
