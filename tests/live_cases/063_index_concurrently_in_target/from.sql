create table clicks (
    id bigserial primary key,
    campaign_id int not null,
    clicked_at timestamptz not null
);
