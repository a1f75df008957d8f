create table vendors (
    id integer,
    tax_id varchar(32) not null,
    name text not null,
    constraint pk_vendors primary key (id),
    constraint uq_vendors_tax_id unique (tax_id),
    constraint ck_vendors_name_not_blank check (length(name) > 0)
);
