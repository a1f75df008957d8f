CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id integer NOT NULL,
    token uuid NOT NULL DEFAULT gen_random_uuid(),
    device uuid DEFAULT '00000000-0000-0000-0000-000000000000'
);
