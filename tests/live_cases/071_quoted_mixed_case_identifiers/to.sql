CREATE TABLE "Orders" (
    "OrderId" integer PRIMARY KEY,
    "CustomerName" text NOT NULL,
    "PlacedAt" timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE "OrderLines" (
    "OrderId" integer NOT NULL REFERENCES "Orders" ("OrderId") ON DELETE CASCADE,
    "LineNo" smallint NOT NULL,
    "Price" numeric(10,2) NOT NULL CHECK ("Price" >= 0),
    "Qty" integer NOT NULL DEFAULT 1,
    CONSTRAINT "PK_OrderLines" PRIMARY KEY ("OrderId", "LineNo")
);

CREATE INDEX "IX_OrderLines_Price" ON "OrderLines" ("Price" DESC);
COMMENT ON TABLE "OrderLines" IS 'Lines of an order';
COMMENT ON COLUMN "OrderLines"."Price" IS 'Unit price';
