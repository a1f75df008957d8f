CREATE TABLE "Artikel" (
    "Nummer" integer PRIMARY KEY,
    "Bezeichnung" text NOT NULL,
    "Größe" varchar(10),
    "unit price" numeric(10,2) NOT NULL DEFAULT 0,
    "Preis (€)" numeric(10,2),
    "naïve café" boolean DEFAULT false,
    "日本語" text
);

CREATE TABLE "Lager Bestand" (
    "Artikel Nummer" integer NOT NULL REFERENCES "Artikel" ("Nummer"),
    "Menge" integer NOT NULL CHECK ("Menge" >= 0),
    CONSTRAINT "Lager Bestand pkey" PRIMARY KEY ("Artikel Nummer")
);

CREATE INDEX "Artikel nach Größe" ON "Artikel" ("Größe") WHERE "Größe" IS NOT NULL;
COMMENT ON COLUMN "Artikel"."Größe" IS 'Konfektionsgröße (z. B. „XL“)';
