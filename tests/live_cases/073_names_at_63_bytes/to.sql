-- Every name here is exactly 63 bytes, PostgreSQL's limit (NAMEDATALEN - 1),
-- except the last table's, which PostgreSQL truncates to 63 bytes (with a NOTICE).
create type acquisition_channel_kind_used_by_marketing_attribution_reportin as enum ('organic', 'paid_search_campaign_with_a_very_long_value_name_of_sixty_three');

create table customer_lifetime_value_by_acquisition_channel_and_region_month (
    id bigserial primary key,
    region text not null,
    number_of_orders_placed_before_the_first_support_ticket_was_ope integer not null default 0,
    channel acquisition_channel_kind_used_by_marketing_attribution_reportin not null default 'paid_search_campaign_with_a_very_long_value_name_of_sixty_three',
    "ööööööööööööööööööööööööööööööabc" text,
    constraint ck_customer_lifetime_value_orders_placed_must_not_be_negative_x check (number_of_orders_placed_before_the_first_support_ticket_was_ope >= 0)
);

create index ix_customer_lifetime_value_by_channel_region_and_order_count_as on customer_lifetime_value_by_acquisition_channel_and_region_month (region, number_of_orders_placed_before_the_first_support_ticket_was_ope);

create table a_name_that_is_much_too_long_so_postgresql_truncates_it_to_63_bytes (
    id int primary key,
    ref bigint references customer_lifetime_value_by_acquisition_channel_and_region_month (id)
);
