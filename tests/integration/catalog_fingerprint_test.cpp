// The catalog fingerprint used to compare two live databases.
#include <doctest/doctest.h>

#include <string>

#include "catalog_fingerprint.hpp"
#include "scratch_db.hpp"

using namespace schemac::test;

namespace {

void run(pqxx::connection& c, const std::string& sql) {
    pqxx::nontransaction tx{c};
    tx.exec(sql);
}

// The same schema twice: columns in another order, objects created in another
// order and partly by ALTER instead of inline, and the session settings that
// change how expressions print set differently afterwards.
const char* const kSchemaA = R"SQL(
CREATE SCHEMA "Market Data";
COMMENT ON SCHEMA "Market Data" IS 'quotes';
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_name_key UNIQUE (name)
);
CREATE TABLE public.prices (
  symbol text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  close numeric(10,2) DEFAULT 0,
  mood public.mood DEFAULT 'ok',
  listed date DEFAULT '2024-01-02',
  acct bigint,
  id serial,
  CONSTRAINT prices_pkey PRIMARY KEY (symbol, "timestamp"),
  CONSTRAINT prices_close_check CHECK (close >= 0)
);
ALTER TABLE public.prices ADD CONSTRAINT prices_acct_fkey FOREIGN KEY (acct) REFERENCES public.accounts (id) NOT VALID;
CREATE INDEX prices_symbol_idx ON public.prices (symbol);
CREATE INDEX prices_lower_idx ON public.prices (lower(symbol)) WHERE close > 0;
COMMENT ON TABLE public.prices IS 'Daily prices';
COMMENT ON COLUMN public.prices.close IS 'closing price; it''s rounded
to cents';
CREATE TABLE "Market Data"."Quotes" ("Bid" numeric, ask numeric, "Symbol" text COLLATE "C");
CREATE VIEW public.latest AS SELECT symbol, max("timestamp") AS ts FROM public.prices GROUP BY symbol;
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER prices_touch BEFORE UPDATE ON public.prices FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE SEQUENCE public.ticket_seq START 100;
)SQL";

const char* const kSchemaB = R"SQL(
CREATE SEQUENCE public.ticket_seq START 100;
CREATE SCHEMA "Market Data";
CREATE TABLE "Market Data"."Quotes" ("Symbol" text COLLATE "C", ask numeric, "Bid" numeric);
COMMENT ON SCHEMA "Market Data" IS 'quotes';
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.accounts (
  name text NOT NULL CONSTRAINT accounts_name_key UNIQUE,
  id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT accounts_pkey PRIMARY KEY
);
CREATE TABLE public.prices (
  id serial,
  acct bigint,
  close numeric(10,2),
  "timestamp" timestamptz NOT NULL,
  listed date DEFAULT '2024-01-02',
  mood public.mood DEFAULT 'ok',
  symbol text NOT NULL
);
ALTER TABLE public.prices ALTER COLUMN close SET DEFAULT 0;
ALTER TABLE public.prices ADD CONSTRAINT prices_close_check CHECK (close >= 0);
ALTER TABLE public.prices ADD CONSTRAINT prices_pkey PRIMARY KEY (symbol, "timestamp");
CREATE INDEX prices_lower_idx ON public.prices (lower(symbol)) WHERE close > 0;
CREATE INDEX prices_symbol_idx ON public.prices (symbol);
ALTER TABLE public.prices ADD CONSTRAINT prices_acct_fkey FOREIGN KEY (acct) REFERENCES public.accounts (id) NOT VALID;
COMMENT ON COLUMN public.prices.close IS 'closing price; it''s rounded
to cents';
COMMENT ON TABLE public.prices IS 'Daily prices';
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER prices_touch BEFORE UPDATE ON public.prices FOR EACH ROW EXECUTE FUNCTION public.touch();
CREATE VIEW public.latest AS SELECT symbol, max("timestamp") AS ts FROM public.prices GROUP BY symbol;
)SQL";

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("catalog_fingerprint: the format, on a small schema") {
    ScratchDb db;
    run(db.conn(), R"SQL(
        CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE public.prices (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          close numeric(10,2) DEFAULT 0,
          "Mood" public.mood NOT NULL
        );
        ALTER TABLE public.prices ADD CONSTRAINT prices_close_check CHECK (close >= 0) NOT VALID;
        CREATE INDEX prices_close_idx ON public.prices (close);
        COMMENT ON TABLE public.prices IS 'Daily prices';
        COMMENT ON COLUMN public.prices.close IS 'closing price';
    )SQL");
    const std::string expected =
        "enum public.mood ('sad', 'ok', 'happy')\n"
        "extension plpgsql schema pg_catalog version 1.0\n"
        "schema public\n"
        "  comment 'standard public schema'\n"
        "table public.prices\n"
        "  column \"Mood\" public.mood not null\n"
        "  column close numeric(10,2) null default 0 comment 'closing price'\n"
        "  column id bigint not null identity always\n"
        "  comment 'Daily prices'\n"
        "  constraint prices_close_check c CHECK ((close >= (0)::numeric)) NOT VALID\n"
        "  constraint prices_pkey p PRIMARY KEY (id)\n"
        "  index prices_close_idx CREATE INDEX prices_close_idx ON public.prices USING btree (close)\n"
        "  index prices_pkey CREATE UNIQUE INDEX prices_pkey ON public.prices USING btree (id) [constraint]\n";
    CHECK(catalog_fingerprint(db.conn()) == expected);
}

TEST_CASE("catalog_fingerprint: the same schema built differently gives the same bytes") {
    ScratchDb a;
    ScratchDb b;
    run(a.conn(), kSchemaA);
    run(b.conn(), kSchemaB);
    // Settings that change how names, dates and expressions print must not matter.
    run(b.conn(), "SET search_path = \"Market Data\", public; SET datestyle = 'SQL, DMY'; SET timezone = 'Asia/Tokyo';"
                  "SET intervalstyle = 'sql_standard'");
    // Temporary objects are not part of the schema.
    run(a.conn(), "CREATE TEMP TABLE scratch (x int)");

    const std::string fa = catalog_fingerprint(a.conn());
    const std::string fb = catalog_fingerprint(b.conn());
    CHECK_MESSAGE(fa == fb, fingerprint_diff(fa, fb));
    CHECK(catalog_fingerprint(a.conn()) == fa);  // deterministic

    // What it covers, as it prints it.
    CAPTURE(fa);
    CHECK(has_line(fa, "schema \"Market Data\""));
    CHECK(has_line(fa, "  comment 'quotes'"));
    CHECK(has_line(fa, "table \"Market Data\".\"Quotes\""));
    CHECK(has_line(fa, "  column \"Symbol\" text collate \"C\" null"));
    CHECK(has_line(fa, "  column close numeric(10,2) null default 0 comment 'closing price; it''s rounded\\nto cents'"));
    CHECK(has_line(fa, "  column listed date null default '2024-01-02'::date"));
    CHECK(has_line(fa, "  column mood public.mood null default 'ok'::public.mood"));
    CHECK(has_line(fa, "  column id integer not null default nextval('public.prices_id_seq'::regclass)"));
    CHECK(has_line(fa, "  constraint prices_acct_fkey f FOREIGN KEY (acct) REFERENCES public.accounts(id) NOT VALID"));
    CHECK(has_line(fa, "  index prices_lower_idx CREATE INDEX prices_lower_idx ON public.prices USING btree "
                       "(lower(symbol)) WHERE (close > (0)::numeric)"));
    CHECK(has_line(fa, "  index accounts_name_key CREATE UNIQUE INDEX accounts_name_key ON public.accounts "
                       "USING btree (name) [constraint]"));
    CHECK(has_line(fa, "  trigger prices_touch CREATE TRIGGER prices_touch BEFORE UPDATE ON public.prices "
                       "FOR EACH ROW EXECUTE FUNCTION public.touch()"));
    CHECK(has_line(fa, "view public.latest"));
    CHECK(has_line(fa, "function public.touch()"));
    CHECK(has_line(fa, "  returns trigger"));
    CHECK(has_line(fa, "sequence public.ticket_seq"));
    CHECK(has_line(fa, "  as bigint start 100 increment 1 min 1 max 9223372036854775807 cache 1 no cycle"));
    CHECK(fa.find("prices_id_seq\n") == std::string::npos);  // owned by a column: not listed
    CHECK(fa.find("accounts_id_seq") == std::string::npos);  // identity sequence: not listed
    CHECK(fa.find("scratch") == std::string::npos);          // temporary
}

TEST_CASE("catalog_fingerprint: a difference shows up in a line that names it") {
    ScratchDb a;
    ScratchDb b;
    run(a.conn(), kSchemaA);
    run(b.conn(), kSchemaB);
    const std::string fa = catalog_fingerprint(a.conn());
    REQUIRE(fa == catalog_fingerprint(b.conn()));

    auto diff_after = [&](const std::string& change) {
        run(b.conn(), change);
        const std::string fb = catalog_fingerprint(b.conn());
        CHECK(fa != fb);
        return fingerprint_diff(fa, fb);
    };
    const std::string prices = "table public.prices:   ";

    SUBCASE("a changed default") {
        const std::string d = diff_after("ALTER TABLE public.prices ALTER COLUMN close SET DEFAULT 1");
        CHECK(d ==
              "- " + prices + "column close numeric(10,2) null default 0 comment 'closing price; it''s rounded\\nto cents'\n"
              "+ " + prices + "column close numeric(10,2) null default 1 comment 'closing price; it''s rounded\\nto cents'\n");
    }
    SUBCASE("a dropped index") {
        const std::string d = diff_after("DROP INDEX public.prices_symbol_idx");
        CHECK(d == "- " + prices +
                       "index prices_symbol_idx CREATE INDEX prices_symbol_idx ON public.prices USING btree (symbol)\n");
    }
    SUBCASE("an added column") {
        const std::string d = diff_after("ALTER TABLE public.prices ADD COLUMN volume bigint");
        CHECK(d == "+ " + prices + "column volume bigint null\n");
    }
    SUBCASE("a changed column type") {
        const std::string d = diff_after("ALTER TABLE \"Market Data\".\"Quotes\" ALTER COLUMN ask TYPE numeric(12,4)");
        CHECK(d ==
              "- table \"Market Data\".\"Quotes\":   column ask numeric null\n"
              "+ table \"Market Data\".\"Quotes\":   column ask numeric(12,4) null\n");
    }
    SUBCASE("a dropped NOT NULL") {
        const std::string d = diff_after("ALTER TABLE public.accounts ALTER COLUMN name DROP NOT NULL");
        CHECK(d ==
              "- table public.accounts:   column name text not null\n"
              "+ table public.accounts:   column name text null\n");
    }
    SUBCASE("a validated constraint") {
        const std::string d = diff_after("ALTER TABLE public.prices VALIDATE CONSTRAINT prices_acct_fkey");
        CHECK(d ==
              "- " + prices + "constraint prices_acct_fkey f FOREIGN KEY (acct) REFERENCES public.accounts(id) NOT VALID\n"
              "+ " + prices + "constraint prices_acct_fkey f FOREIGN KEY (acct) REFERENCES public.accounts(id)\n");
    }
    SUBCASE("an enum value added") {
        const std::string d = diff_after("ALTER TYPE public.mood ADD VALUE 'meh' BEFORE 'happy'");
        CHECK(d ==
              "- enum public.mood ('sad', 'ok', 'happy')\n"
              "+ enum public.mood ('sad', 'ok', 'meh', 'happy')\n");
    }
    SUBCASE("a changed comment") {
        const std::string d = diff_after("COMMENT ON TABLE public.prices IS 'Daily closing prices'");
        CHECK(d ==
              "- " + prices + "comment 'Daily prices'\n"
              "+ " + prices + "comment 'Daily closing prices'\n");
    }
    SUBCASE("a changed function body") {
        const std::string d = diff_after(
            "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$");
        CHECK(d.find("- function public.touch():   definition md5 ") == 0);
        CHECK(d.find("\n+ function public.touch():   definition md5 ") != std::string::npos);
    }
    SUBCASE("unexpected objects") {
        const std::string d = diff_after(
            "CREATE SCHEMA extra; CREATE TABLE extra.t (x int); CREATE VIEW extra.v AS SELECT 1 AS one;"
            "CREATE FUNCTION extra.f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';"
            "CREATE TYPE extra.d AS (x int, y text); CREATE DOMAIN extra.pos AS int CHECK (VALUE > 0)");
        CHECK(has_line(d, "+ schema extra"));
        CHECK(has_line(d, "+ table extra.t"));
        CHECK(has_line(d, "+ table extra.t:   column x integer null"));
        CHECK(has_line(d, "+ view extra.v"));
        CHECK(has_line(d, "+ view extra.v:   definition SELECT 1 AS one;"));
        CHECK(has_line(d, "+ function extra.f(a integer)"));
        CHECK(has_line(d, "+ function extra.f(a integer):   returns integer"));
        CHECK(has_line(d, "+ composite extra.d (x integer, y text)"));
        CHECK(has_line(d, "+ domain extra.pos integer"));
        CHECK(has_line(d, "+ domain extra.pos integer:   constraint pos_check c CHECK ((VALUE > 0))"));
        CHECK(d.find("\n- ") == std::string::npos);
        CHECK(d.rfind("- ", 0) != 0);
    }
    SUBCASE("rarer kinds of objects") {
        const std::string d = diff_after(R"SQL(
            CREATE TABLE public.ticks (t timestamptz NOT NULL, v int) PARTITION BY RANGE (t);
            CREATE TABLE public.ticks_2024 PARTITION OF public.ticks
              FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00');
            CREATE UNLOGGED TABLE public.cache (k text) WITH (fillfactor = 70);
            ALTER TABLE public.cache ADD COLUMN klen int GENERATED ALWAYS AS (length(k)) STORED;
            CREATE TABLE public.child (extra int) INHERITS (public.accounts);
            ALTER TABLE public.prices ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own ON public.prices FOR SELECT TO PUBLIC USING (acct = 1);
            CREATE RULE no_delete AS ON DELETE TO public.accounts DO INSTEAD NOTHING;
            CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS one;
            CREATE INDEX mv_one_idx ON public.mv (one);
            CREATE AGGREGATE public.total(int) (SFUNC = int4pl, STYPE = int);
            CREATE PROCEDURE public.noop() LANGUAGE sql AS 'SELECT 1';
            CREATE DOMAIN public.pos AS int NOT NULL DEFAULT 1;
            ALTER DOMAIN public.pos ADD CONSTRAINT pos_check CHECK (VALUE > 0) NOT VALID;
            CREATE TYPE public.span AS RANGE (subtype = numeric);
            CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE STATISTICS public.prices_stats ON symbol, close FROM public.prices;
            CREATE FUNCTION public.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
            CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION public.on_ddl();
            ALTER TABLE public.prices DISABLE TRIGGER prices_touch;
        )SQL");
        CAPTURE(d);
        CHECK(has_line(d, "+ table public.ticks:   partitioned"));
        CHECK(has_line(d, "+ table public.ticks:   partition by RANGE (t)"));
        CHECK(has_line(d, "+ table public.ticks_2024:   partition of public.ticks FOR VALUES FROM "
                          "('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"));
        CHECK(has_line(d, "+ table public.cache:   unlogged"));
        CHECK(has_line(d, "+ table public.cache:   options fillfactor=70"));
        CHECK(has_line(d, "+ table public.cache:   column klen integer null generated always as (length(k)) stored"));
        CHECK(has_line(d, "+ table public.child:   inherits public.accounts"));
        CHECK(has_line(d, "+ table public.child:   column name text not null"));
        CHECK(has_line(d, "+ table public.prices:   row level security"));
        CHECK(has_line(d, "+ table public.prices:   policy own permissive for SELECT to public using ((acct = 1))"));
        CHECK(has_line(d, "+ table public.accounts:   rule no_delete CREATE RULE no_delete AS ON DELETE TO "
                          "public.accounts DO INSTEAD NOTHING;"));
        CHECK(has_line(d, "+ materialized view public.mv:   index mv_one_idx CREATE INDEX mv_one_idx ON public.mv "
                          "USING btree (one)"));
        CHECK(has_line(d, "+ aggregate public.total(integer):   returns integer"));
        CHECK(d.find("+ procedure public.noop():   definition md5 ") != std::string::npos);
        CHECK(has_line(d, "+ domain public.pos integer:   not null"));
        CHECK(has_line(d, "+ domain public.pos integer:   default 1"));
        CHECK(has_line(d, "+ domain public.pos integer:   constraint pos_check c CHECK ((VALUE > 0)) NOT VALID"));
        CHECK(has_line(d, "+ range public.span subtype numeric"));
        CHECK(has_line(d, "+ collation public.ci:   provider i locale 'und-u-ks-level2' collate NULL ctype NULL "
                          "nondeterministic"));
        CHECK(d.find("function public.span") == std::string::npos);  // the range type's constructors
        CHECK(has_line(d, "+ statistics public.prices_stats:   CREATE STATISTICS public.prices_stats ON close, symbol "
                          "FROM public.prices"));
        CHECK(has_line(d, "+ event trigger log_ddl:   ddl_command_end function public.on_ddl enabled O"));
        CHECK(d.find("\n+ " + prices + "trigger prices_touch CREATE TRIGGER prices_touch BEFORE UPDATE ON "
                     "public.prices FOR EACH ROW EXECUTE FUNCTION public.touch() [enabled D]\n") != std::string::npos);
    }
    SUBCASE("a dropped trigger") {
        const std::string d = diff_after("DROP TRIGGER prices_touch ON public.prices");
        CHECK(d.rfind("- " + prices + "trigger prices_touch ", 0) == 0);
    }
}
