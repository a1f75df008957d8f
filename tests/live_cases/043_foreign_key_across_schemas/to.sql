CREATE SCHEMA auth;
CREATE SCHEMA billing;

CREATE TABLE auth.users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email text NOT NULL UNIQUE
);

CREATE TABLE billing.payments (
    id bigserial PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE RESTRICT,
    amount numeric(12,2) NOT NULL
);

CREATE TABLE public.audit (
    id bigserial PRIMARY KEY,
    payment_id bigint REFERENCES billing.payments,
    user_email text REFERENCES auth.users (email) ON UPDATE CASCADE
);
