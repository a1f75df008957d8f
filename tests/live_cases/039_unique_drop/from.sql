CREATE TABLE slugs (
    id integer PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    locale char(5) NOT NULL,
    title text NOT NULL,
    CONSTRAINT slugs_locale_title_uq UNIQUE (locale, title)
);
