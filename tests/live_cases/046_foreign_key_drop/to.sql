create table teams (
    id int primary key
);

create table players (
    id int primary key,
    team_id int,
    mentor_id int
);
