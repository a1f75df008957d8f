create table parents (
    id int primary key
);

create table children (
    id int constraint children_pkey primary key,
    parent_id int not null constraint children_parent_fk references parents (id) on delete cascade,
    code text not null constraint children_code_key unique,
    age int constraint children_age_check check (age >= 0)
);
