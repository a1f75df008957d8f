CREATE TABLE people (
    id serial PRIMARY KEY,
    email text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    born date,
    data jsonb
);

CREATE UNIQUE INDEX people_email_lower_idx ON people (lower(email));
CREATE INDEX people_full_name_idx ON people ((first_name || ' ' || last_name));
CREATE INDEX people_born_year_idx ON people ((extract(year FROM born)));
CREATE INDEX people_data_city_idx ON people ((data ->> 'city'), last_name);
