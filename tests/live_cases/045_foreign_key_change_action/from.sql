CREATE TABLE posts (
    id serial PRIMARY KEY,
    title text NOT NULL
);

CREATE TABLE comments (
    id serial PRIMARY KEY,
    post_id integer NOT NULL,
    body text NOT NULL,
    CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id)
);
