create table parents (
    id integer primary key,
    code text not null unique
);

create table children (
    id integer primary key,
    p_cascade integer references parents on delete cascade,
    p_set_null integer references parents on delete set null,
    p_set_default integer default 0 references parents on delete set default,
    p_restrict integer references parents on delete restrict,
    p_no_action integer references parents on delete no action,
    p_update_cascade text references parents (code) on update cascade,
    p_both integer references parents (id) on delete cascade on update restrict,
    p_upd_null text references parents (code) on update set null on delete set null
);
