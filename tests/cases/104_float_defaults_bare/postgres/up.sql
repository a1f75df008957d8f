-- + table readings
CREATE TABLE public.readings (
    id serial NOT NULL,
    ratio real NOT NULL DEFAULT 1.5,
    risk double precision NOT NULL DEFAULT -0.25,
    scale double precision NOT NULL DEFAULT 1e-3,
    unknown double precision NOT NULL DEFAULT 'NaN',
    ceiling real NOT NULL DEFAULT 'Infinity',
    CONSTRAINT readings_pkey PRIMARY KEY (id)
);
