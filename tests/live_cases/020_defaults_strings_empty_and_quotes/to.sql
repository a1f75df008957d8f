create table messages (
    id serial primary key,
    subject text not null default '',
    body text not null default 'It''s empty',
    signature varchar(100) default '-- sent from "schemac"',
    salutation character varying(30) default 'Hello, world',
    path text default 'C:\temp\new',
    code char(3) default 'N/A',
    emoji text default 'café ☕',
    semicolons text default 'a;b;c'
);
