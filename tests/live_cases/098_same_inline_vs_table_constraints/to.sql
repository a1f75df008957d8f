create table parents (
    id int,
    primary key (id)
);

create table children (
    id int not null,
    parent_id int not null,
    code text not null,
    age int
);

alter table children add constraint children_pkey primary key (id);
alter table children add constraint children_code_key unique (code);
alter table children add constraint children_age_check check (age >= 0);
alter table children add constraint children_parent_fk
    foreign key (parent_id) references parents on delete cascade;
