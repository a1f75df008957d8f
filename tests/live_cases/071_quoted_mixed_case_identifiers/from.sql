CREATE TABLE "Orders" (
    "OrderId" integer PRIMARY KEY,
    "CustomerName" text NOT NULL
);
