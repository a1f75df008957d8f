-- + schema "Reporting"
CREATE SCHEMA "Reporting";

-- + table "Reporting"."Daily Prices"
CREATE TABLE "Reporting"."Daily Prices" (
    "Id" serial NOT NULL,
    "Symbol Name" varchar(20) NOT NULL,
    "closePrice" numeric(10,2),
    "say ""hi""" text,
    CONSTRAINT "Daily Prices_pkey" PRIMARY KEY ("Id"),
    CONSTRAINT "Price Positive" CHECK ("closePrice" > 0)
);

-- + index Daily Prices_Symbol Name_idx on "Reporting"."Daily Prices"
CREATE INDEX "Daily Prices_Symbol Name_idx" ON "Reporting"."Daily Prices" ("Symbol Name" DESC);

-- ~ comment on table "Reporting"."Daily Prices"
COMMENT ON TABLE "Reporting"."Daily Prices" IS 'Mixed case and spaces';
