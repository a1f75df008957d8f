CREATE TABLE articles (
    id serial PRIMARY KEY,
    author_id integer NOT NULL,
    published_at timestamptz,
    title text NOT NULL
);

CREATE INDEX articles_author_idx ON articles (author_id, published_at DESC);
CREATE INDEX articles_published_idx ON articles (published_at) WHERE published_at IS NOT NULL;
CREATE UNIQUE INDEX articles_title_idx ON articles (title);
