CREATE TABLE "Artikel" (
    "Nummer" integer PRIMARY KEY,
    "Bezeichnung" text NOT NULL
);
