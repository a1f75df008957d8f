-- + table order
CREATE TABLE public."order" (
    id bigserial NOT NULL,
    "user" integer NOT NULL,
    "timestamp" timestamp NOT NULL DEFAULT now(),
    "group" varchar(10),
    CONSTRAINT order_pkey PRIMARY KEY (id),
    CONSTRAINT order_group_timestamp_key UNIQUE ("group", "timestamp")
);

-- + column user.default
ALTER TABLE public."user" ADD COLUMN "default" boolean NOT NULL DEFAULT false;

-- + index order_user_timestamp_idx on order
CREATE INDEX order_user_timestamp_idx ON public."order" ("user", "timestamp" DESC);

-- + foreign key order_user_fkey on order
ALTER TABLE public."order" ADD CONSTRAINT order_user_fkey FOREIGN KEY ("user") REFERENCES public."user";
