// The test helper that checks SQL with PostgreSQL 15's grammar (libpg_query).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "../support/pg_grammar.hpp"

using namespace schemac::test;

namespace {
// The text at a 1-based cursor, for checking where an error points (ASCII input).
std::string at(const std::string& sql, int cursor, std::size_t len) {
    REQUIRE(cursor >= 1);
    REQUIRE(static_cast<std::size_t>(cursor) <= sql.size() + 1);
    return sql.substr(static_cast<std::size_t>(cursor - 1), len);
}
}  // namespace

TEST_CASE("pg_grammar: valid DDL parses") {
    const std::vector<std::string> valid = {
        R"(CREATE TABLE "Market Data"."Prices" ("Close" numeric(10,2) NOT NULL DEFAULT 0, "select" text, id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY))",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS prices_symbol_idx ON public.prices USING btree (symbol, \"timestamp\" DESC)",
        "CREATE UNIQUE INDEX prices_lower_idx ON prices (lower(symbol)) WHERE symbol IS NOT NULL",
        "ALTER TABLE orders ADD CONSTRAINT orders_acct_fkey FOREIGN KEY (acct) REFERENCES accounts (id) NOT VALID",
        "ALTER TABLE orders VALIDATE CONSTRAINT orders_acct_fkey",
        "ALTER TABLE prices ADD CONSTRAINT prices_close_check CHECK (close >= 0) NOT VALID",
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'happy'",
        "COMMENT ON TABLE public.prices IS 'Daily prices; one row per symbol and day'",
        "COMMENT ON COLUMN public.prices.close IS NULL",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN "
        "CREATE TYPE mood AS ENUM ('sad', 'happy'); END IF; END $$",
        "DO $body$ BEGIN RAISE NOTICE 'a;b $$ c'; END $body$ LANGUAGE plpgsql",
        "SELECT create_hypertable('x','t')",
        "SELECT create_hypertable('prices', 'timestamp', chunk_time_interval => INTERVAL '1 day')",
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
        "ALTER TABLE prices ALTER COLUMN close SET DEFAULT 0, ALTER COLUMN close DROP NOT NULL",
        "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
    };
    for (const auto& sql : valid) {
        CAPTURE(sql);
        const auto err = parse_error(sql);
        CHECK_MESSAGE(!err, (err ? err->message : std::string()));
    }
}

TEST_CASE("pg_grammar: a whole script with several statements and comments parses") {
    const std::string script =
        "-- migration 0001\n"
        "BEGIN;\n"
        "CREATE TABLE public.prices (symbol text NOT NULL, close numeric(10,2)); -- trailing\n"
        "/* block /* nested */ comment; */\n"
        "COMMENT ON TABLE public.prices IS 'it''s; fine';\n"
        "COMMIT;\n"
        "-- the end\n";
    CHECK_FALSE(parse_error(script));
    CHECK_FALSE(parse_error(""));
    CHECK_FALSE(parse_error("-- only a comment\n"));
}

TEST_CASE("pg_grammar: invalid SQL reports an error at the right place") {
    SUBCASE("misspelled keyword") {
        const std::string sql = "CREATE TABEL prices (id int)";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(err->message == "syntax error at or near \"TABEL\"");
        CHECK(err->cursor == 8);
        CHECK(at(sql, err->cursor, 5) == "TABEL");
        CHECK(err->statement == sql);
    }
    SUBCASE("the second statement of a script is the broken one") {
        const std::string sql =
            "CREATE TABLE a (id int);\n"
            "-- next\n"
            "ALTER TABLE a ADD CONSTRAINT a_pk PRIMARY KEY id;\n"
            "CREATE TABLE b (id int);\n";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(err->message == "syntax error at or near \"id\"");
        CHECK(at(sql, err->cursor, 4) == "id;\n");
        CHECK(err->statement == "ALTER TABLE a ADD CONSTRAINT a_pk PRIMARY KEY id");
    }
    SUBCASE("missing comma between columns") {
        const std::string sql = "CREATE TABLE t (a int b text)";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(at(sql, err->cursor, 1) == "b");
    }
    SUBCASE("end of input") {
        const std::string sql = "SELECT 1;\nCREATE TABLE t (a int\n-- forgot the parenthesis\n";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(err->message == "syntax error at end of input");
        CHECK(err->cursor == static_cast<int>(sql.size()) + 1);
        CHECK(err->statement == "CREATE TABLE t (a int");
    }
    SUBCASE("unterminated string") {
        const std::string sql = "SELECT 1; COMMENT ON TABLE t IS 'oops";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(err->message.find("unterminated quoted string") != std::string::npos);
        CHECK(at(sql, err->cursor, 5) == "'oops");
        CHECK(err->statement == "COMMENT ON TABLE t IS 'oops");
    }
    SUBCASE("unterminated dollar quote") {
        const auto err = parse_error("DO $$ BEGIN NULL; END $");
        REQUIRE(err);
        CHECK(err->message.find("unterminated dollar-quoted string") != std::string::npos);
        CHECK(err->cursor == 4);
    }
    SUBCASE("semicolons in strings and comments before the error are not statement ends") {
        const std::string sql = "COMMENT ON TABLE t IS 'a;b'; /* x; y */ SELECT $$;$$ FROMM t";
        const auto err = parse_error(sql);
        REQUIRE(err);
        CHECK(at(sql, err->cursor, 1) == "t");
        CHECK(err->statement == "SELECT $$;$$ FROMM t");
    }
    SUBCASE("the cursor counts characters, not bytes") {
        const std::string sql = "COMMENT ON TABLE t IS 'prix en €'; SELEC 1";
        const auto err = parse_error(sql);
        REQUIRE(err);
        // 'SELEC' starts at character 36, byte 38 (the euro sign is 3 bytes in UTF-8).
        CHECK(err->cursor == 36);
        CHECK(err->statement == "SELEC 1");
    }
}

TEST_CASE("pg_grammar: split_statements keeps each statement's own text") {
    const std::string script =
        "-- header comment; with a semicolon\n"
        "CREATE TABLE \"we;ird\" (a text DEFAULT 'x;y', b text DEFAULT E'it\\'s;');\n"
        "\n"
        "/* a; block */ COMMENT ON TABLE \"we;ird\" IS 'one; two';\n"
        "DO $$\n"
        "BEGIN\n"
        "  RAISE NOTICE 'inside; a DO block';\n"
        "  PERFORM 1;\n"
        "END\n"
        "$$;\n"
        "DO $tag$ BEGIN RAISE NOTICE '$$;'; END $tag$;\n"
        ";;\n"
        "SELECT create_hypertable('x','t') -- trailing comment;\n"
        ";\n"
        "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
        "SELECT 1 /* last, no semicolon */\n"
        "-- closing comment\n";
    const std::vector<std::string> expected = {
        "CREATE TABLE \"we;ird\" (a text DEFAULT 'x;y', b text DEFAULT E'it\\'s;')",
        "COMMENT ON TABLE \"we;ird\" IS 'one; two'",
        "DO $$\nBEGIN\n  RAISE NOTICE 'inside; a DO block';\n  PERFORM 1;\nEND\n$$",
        "DO $tag$ BEGIN RAISE NOTICE '$$;'; END $tag$",
        "SELECT create_hypertable('x','t')",
        "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
        "SELECT 1",
    };
    CHECK(split_statements(script) == expected);
    // Every piece is valid on its own.
    for (const auto& stmt : expected) {
        CAPTURE(stmt);
        CHECK_FALSE(parse_error(stmt));
    }
}

TEST_CASE("pg_grammar: split_statements edge cases") {
    CHECK(split_statements("").empty());
    CHECK(split_statements("  -- nothing\n/* here */ ;; ").empty());
    CHECK(split_statements("SELECT 1") == std::vector<std::string>{"SELECT 1"});
    CHECK(split_statements("SELECT 1;SELECT 2;") == std::vector<std::string>{"SELECT 1", "SELECT 2"});
    CHECK(split_statements("SELECT 'é;ü'; SELECT \"ñ\"") ==
          std::vector<std::string>{"SELECT 'é;ü'", "SELECT \"ñ\""});
    CHECK(split_statements("SELECT a -- x\n  FROM t;") == std::vector<std::string>{"SELECT a -- x\n  FROM t"});
    CHECK_THROWS_AS(split_statements("SELECT 1; SELEC 2;"), std::invalid_argument);
}
