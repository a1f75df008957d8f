-- Every name here is exactly 63 bytes, PostgreSQL's limit (NAMEDATALEN - 1).
create table customer_lifetime_value_by_acquisition_channel_and_region_month (
    id bigserial primary key,
    region text not null
);
