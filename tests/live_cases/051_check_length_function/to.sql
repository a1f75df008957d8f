create table accounts (
    id serial primary key,
    username varchar(30) not null check (length(username) >= 3),
    password_hash text not null,
    email text not null,
    bio text,
    constraint ck_accounts_hash_len check (char_length(password_hash) = 60),
    constraint ck_accounts_email check (email ~* '^[^@]+@[^@]+$' and position('@' in email) > 1),
    constraint ck_accounts_email_lower check (email = lower(email)),
    constraint ck_accounts_bio check (bio is null or length(trim(bio)) > 0)
);
