create table clicks (
    id bigserial primary key,
    campaign_id int not null,
    clicked_at timestamptz not null
);

create index concurrently clicks_campaign_idx on clicks (campaign_id, clicked_at);
create unique index concurrently if not exists clicks_id_campaign_uidx on clicks (id, campaign_id);
