// The runtime's statement splitter (runtime/include/schemac/postgres/sql_split.hpp):
// - a table of cases, one or more per rule, with the exact statements and lines;
// - agreement with PostgreSQL's own parser (libpg_query's split, through
//   tests/support/pg_grammar.hpp) on every valid case of the table, every
//   committed .sql file (tests/cases, generated/migrations) and the plans of
//   seeded random schema pairs;
// - linear cost on inputs built to punish rescanning;
// - statement_preview.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pg_grammar.hpp"
#include "plan_text.hpp"
#include "random_schema.hpp"
#include "read_file.hpp"
#include "schemac/postgres/sql_split.hpp"

namespace fs = std::filesystem;
using schemac::split_sql;
using schemac::SqlStatement;
using schemac::statement_preview;

namespace {

struct Expected {
    std::string text;
    int line;
};

// What PostgreSQL 15's grammar says about a case's text.
enum class Pg {
    agrees,        // valid SQL: split_sql must give exactly libpg_query's statements
    invalid,       // not valid SQL (unterminated, unbalanced...): nothing to compare with
    psql_differs,  // valid SQL that psql, and split_sql with it, splits differently
};

struct Case {
    std::string name;
    std::string sql;
    std::vector<Expected> expected;
    Pg pg = Pg::agrees;
};

std::string show(const std::vector<SqlStatement>& got) {
    std::string s;
    for (const auto& st : got) s += "  line " + std::to_string(st.line) + ": [" + st.text + "]\n";
    return s;
}

std::vector<std::string> texts(const std::vector<SqlStatement>& v) {
    std::vector<std::string> out;
    for (const auto& st : v) out.push_back(st.text);
    return out;
}

// Each statement occurs in the text, in order, on the line it claims.
void check_lines(const std::string& sql, const std::vector<SqlStatement>& got) {
    std::size_t from = 0;
    for (const auto& st : got) {
        const std::size_t at = sql.find(st.text, from);
        REQUIRE_MESSAGE(at != std::string::npos, "not found in order: [", st.text, "]");
        const int line = 1 + static_cast<int>(std::count(sql.begin(), sql.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        CHECK_MESSAGE(st.line == line, "[", st.text, "]");
        from = at + st.text.size();
    }
}

// split_sql against PostgreSQL's parser, exactly: split_statements trims each
// statement of surrounding whitespace and comments and drops empty ones, which
// is split_sql's contract too, so no normalisation is needed.
void check_agreement(const std::string& what, const std::string& sql) {
    CAPTURE(what);
    const auto err = schemac::test::parse_error(sql);
    REQUIRE_MESSAGE(!err, "not valid SQL: ", (err ? err->message + " in: " + err->statement : std::string()));
    const std::vector<std::string> pg = schemac::test::split_statements(sql);
    const std::vector<SqlStatement> ours = split_sql(sql);
    CHECK(texts(ours) == pg);
    if (texts(ours) != pg) {
        for (std::size_t k = 0; k < std::max(pg.size(), ours.size()); ++k) {
            const std::string a = k < ours.size() ? ours[k].text : "<none>";
            const std::string b = k < pg.size() ? pg[k] : "<none>";
            if (a != b) {
                FAIL_CHECK("first difference at statement ", k + 1, ":\nsplit_sql:  [", a, "]\nlibpg_query: [", b, "]");
                break;
            }
        }
    }
    check_lines(sql, ours);
}

// Well-formed UTF-8 sequences only (no sequence cut short).
bool whole_utf8(const std::string& s) {
    for (std::size_t k = 0; k < s.size();) {
        const auto c = static_cast<unsigned char>(s[k]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || k + len > s.size()) return false;
        for (std::size_t j = 1; j < len; ++j)
            if ((static_cast<unsigned char>(s[k + j]) & 0xC0) != 0x80) return false;
        k += len;
    }
    return true;
}

// A raw string literal keeps backslashes readable; CRLF cases build their text.
std::vector<Case> cases() {
    return {
        // --- semicolons, empty statements, the last statement
        {"two statements", "SELECT 1;\nSELECT 2;\n", {{"SELECT 1", 1}, {"SELECT 2", 2}}},
        {"no trailing semicolon", "SELECT 1;\n\nSELECT 2", {{"SELECT 1", 1}, {"SELECT 2", 3}}},
        {"empty statements", ";SELECT 1;;\n;  ;SELECT 2;;", {{"SELECT 1", 1}, {"SELECT 2", 2}}},
        {"empty text", "", {}},
        {"whitespace only", " \n\t\r\n\f ", {}},
        {"vertical tab is not whitespace in PostgreSQL 15", "SELECT 1;\v;", {{"SELECT 1", 1}, {"\v", 1}}, Pg::invalid},
        {"comments only", "-- a; b\n/* c; */\n-- d", {}},
        {"comment-only tail", "SELECT 1;\n-- the end;\n/* really; */\n", {{"SELECT 1", 1}}},
        {"comment-only statement between two", "SELECT 1;\n-- nothing here\n;\nSELECT 2;", {{"SELECT 1", 1}, {"SELECT 2", 4}}},
        {"statement spanning lines", "\n\n  SELECT\n    1\n  ;", {{"SELECT\n    1", 3}}},
        {"line of the first token after a block comment", "/*\n\n*/ SELECT 1;", {{"SELECT 1", 3}}},
        {"line after a multi-line string", "SELECT 'a\nb';\nSELECT 2;", {{"SELECT 'a\nb'", 1}, {"SELECT 2", 3}}},

        // --- comments: trimmed around a statement, kept inside
        {"comments around and inside",
         "-- header\n/* block */ SELECT /* inner; */ 1 -- trailing;\n;",
         {{"SELECT /* inner; */ 1", 2}}},
        {"line comment hides a semicolon", "SELECT 1 -- ; not the end\n;SELECT 2", {{"SELECT 1", 1}, {"SELECT 2", 2}}},
        {"block comments nest",
         "/* a /* b; */ c; */ SELECT 1; /* x */ SELECT /* p /* q; */ r; */ 2;",
         {{"SELECT 1", 1}, {"SELECT /* p /* q; */ r; */ 2", 1}}},
        {"slash-star-slash does not close", "SELECT 1 /*/ ; */;", {{"SELECT 1", 1}}},
        {"star after a closing comment is an operator", "SELECT 2 /* a */*/* b; */ 3;", {{"SELECT 2 /* a */*/* b; */ 3", 1}}},
        {"dash-dash inside an operator starts a comment", "SELECT 1 +-- c;\n 2;", {{"SELECT 1 +-- c;\n 2", 1}}},
        {"comment containing quotes", "SELECT 1 /* it's */;SELECT 2 -- don't\n;SELECT \"x\" /* \" */ FROM t;",
         {{"SELECT 1", 1}, {"SELECT 2", 1}, {"SELECT \"x\" /* \" */ FROM t", 2}}},

        // --- single-quoted strings
        {"semicolons in strings", "SELECT 'a;b', 'it''s;';SELECT 2", {{"SELECT 'a;b', 'it''s;'", 1}, {"SELECT 2", 1}}},
        {"comment markers in strings", "SELECT '--', '/*';SELECT 2;", {{"SELECT '--', '/*'", 1}, {"SELECT 2", 1}}},
        {"backslash is not an escape in a standard string", R"(SELECT 'a\';SELECT 2;)", {{R"(SELECT 'a\')", 1}, {"SELECT 2", 1}}},
        {"E strings take backslash escapes", R"(SELECT E'\';', e'x\\';SELECT 3;)", {{R"(SELECT E'\';', e'x\\')", 1}, {"SELECT 3", 1}}},
        {"E string with escaped quote and doubled quote", R"(SELECT E'a\'b''c;d';SELECT 2)", {{R"(SELECT E'a\'b''c;d')", 1}, {"SELECT 2", 1}}},
        {"a word ending in e before a quote is not an E string", R"(SELECT name'a\';SELECT 2;)", {{R"(SELECT name'a\')", 1}, {"SELECT 2", 1}}},
        {"bit, hex, national and Unicode strings", R"(SELECT B'01', X'1F', N'a;b', U&'d\0061t;a', U&"x;y";SELECT 2;)",
         {{R"(SELECT B'01', X'1F', N'a;b', U&'d\0061t;a', U&"x;y")", 1}, {"SELECT 2", 1}}},
        // scan.l's quotecontinue: a string continued after a newline is one
        // string and keeps its kind, so the continuation of an E string takes escapes.
        {"E string continued on the next line keeps escapes", "SELECT E'a'\n'\\';';\nSELECT 2;",
         {{"SELECT E'a'\n'\\';'", 1}, {"SELECT 2", 3}}},
        {"continuation over blank lines, tabs and form feeds", "SELECT E'a' \t\n\f\n\t'\\';';SELECT 2;",
         {{"SELECT E'a' \t\n\f\n\t'\\';'", 1}, {"SELECT 2", 3}}},
        // PostgreSQL 15 allows no comment between the parts (later versions allow
        // `--` comments): here the second part is a new, standard string.
        {"no continuation across a comment", "SELECT E'a' -- c\n  '\\';SELECT 2;",
         {{"SELECT E'a' -- c\n  '\\'", 1}, {"SELECT 2", 2}}, Pg::invalid},
        {"no continuation on the same line", "SELECT E'a' '\\';SELECT 2;", {{"SELECT E'a' '\\'", 1}, {"SELECT 2", 1}}, Pg::invalid},

        // --- dollar quotes
        {"dollar quotes", "SELECT $$a;b$$, $fn$ x $$ ; $$ y $fn$;SELECT 2;",
         {{"SELECT $$a;b$$, $fn$ x $$ ; $$ y $fn$", 1}, {"SELECT 2", 1}}},
        {"dollar tags are case-sensitive", "SELECT $a$ x $A$; $a$;SELECT 2", {{"SELECT $a$ x $A$; $a$", 1}, {"SELECT 2", 1}}},
        {"tag with underscore and digits", "SELECT $_1$ ; $1 $_2$ ; $_1$;SELECT 2", {{"SELECT $_1$ ; $1 $_2$ ; $_1$", 1}, {"SELECT 2", 1}}},
        {"a closing delimiter right after another one", "SELECT $a$ x;$$a$;SELECT 2", {{"SELECT $a$ x;$$a$", 1}, {"SELECT 2", 1}}},
        {"parameters are not dollar quotes", "PREPARE q(int, int) AS SELECT $1, $2;EXECUTE q(1, 2);",
         {{"PREPARE q(int, int) AS SELECT $1, $2", 1}, {"EXECUTE q(1, 2)", 1}}},
        {"a dollar inside an identifier is not a dollar quote", "SELECT 1 AS a$$;SELECT 2 AS b$$;SELECT 3 AS c$x$;",
         {{"SELECT 1 AS a$$", 1}, {"SELECT 2 AS b$$", 1}, {"SELECT 3 AS c$x$", 1}}},
        {"a lone dollar is not a dollar quote", "SELECT $a;SELECT 2;", {{"SELECT $a", 1}, {"SELECT 2", 1}}, Pg::invalid},
        {"dollar quote right after a number", "SELECT 1$$;$$;SELECT 2;", {{"SELECT 1$$;$$", 1}, {"SELECT 2", 1}}, Pg::invalid},
        {"DO blocks",
         "DO $$\nBEGIN\n  RAISE NOTICE 'a;b';\nEND\n$$;\nDO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$;",
         {{"DO $$\nBEGIN\n  RAISE NOTICE 'a;b';\nEND\n$$", 1}, {"DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$", 6}}},
        {"$$ inside a $fn$ function body",
         "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$\nBEGIN\n  RETURN $$;$$;\nEND\n$fn$;\nSELECT f();",
         {{"CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$\nBEGIN\n  RETURN $$;$$;\nEND\n$fn$", 1},
          {"SELECT f()", 6}}},

        // --- quoted identifiers
        {"semicolons in quoted identifiers", R"(CREATE TABLE "semi;colon" ("a""b;" int, "--;/*" int);SELECT 1;)",
         {{R"(CREATE TABLE "semi;colon" ("a""b;" int, "--;/*" int))", 1}, {"SELECT 1", 1}}},

        // --- parentheses
        {"semicolons in parentheses (rule actions)",
         "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;",
         {{"CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", 1}, {"SELECT 3", 2}}},
        {"unbalanced open parenthesis runs on", "SELECT (1; 2); SELECT (3;", {{"SELECT (1; 2)", 1}, {"SELECT (3;", 1}}, Pg::invalid},
        {"a stray closing parenthesis does not go negative", "SELECT 1); SELECT 2;", {{"SELECT 1)", 1}, {"SELECT 2", 1}}, Pg::invalid},

        // --- BEGIN ATOMIC bodies (psql's heuristic)
        {"BEGIN ATOMIC with CASE ... END inside",
         "CREATE FUNCTION f(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n"
         "  SELECT CASE WHEN x > 0 THEN 'pos' ELSE 'neg' END;\n  SELECT (CASE WHEN x = 0 THEN 'zero;' END);\nEND;\nSELECT 1;",
         {{"CREATE FUNCTION f(x int) RETURNS text LANGUAGE sql\nBEGIN ATOMIC\n"
           "  SELECT CASE WHEN x > 0 THEN 'pos' ELSE 'neg' END;\n  SELECT (CASE WHEN x = 0 THEN 'zero;' END);\nEND",
           1},
          {"SELECT 1", 6}}},
        {"create or replace procedure, lower case, comments",
         "create or replace procedure p() language sql begin atomic\n  insert into t values (1); -- end;\n  /* end; */ delete from t;\nend;\nCALL p();",
         {{"create or replace procedure p() language sql begin atomic\n  insert into t values (1); -- end;\n  /* end; */ delete from t;\nend",
           1},
          {"CALL p()", 5}}},
        {"CASE outside a BEGIN block does not count",
         "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END;SELECT 2;",
         {{"CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 ELSE 0 END", 1}, {"SELECT 2", 1}}},
        {"BEGIN and END in other statements are transaction commands", "BEGIN;\nSELECT 1;\nEND;\nBEGIN; COMMIT;",
         {{"BEGIN", 1}, {"SELECT 1", 2}, {"END", 3}, {"BEGIN", 4}, {"COMMIT", 4}}},
        {"BEGIN inside a dollar-quoted body does not count",
         "CREATE OR REPLACE FUNCTION h() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\nSELECT h();",
         {{"CREATE OR REPLACE FUNCTION h() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$", 1}, {"SELECT h()", 2}}},
        {"BEGIN inside parentheses does not count",
         "CREATE FUNCTION k(begin int, \"end\" int) RETURNS int LANGUAGE sql RETURN $1;SELECT 2;",
         {{"CREATE FUNCTION k(begin int, \"end\" int) RETURNS int LANGUAGE sql RETURN $1", 1}, {"SELECT 2", 1}}},
        {"CREATE TRIGGER ... EXECUTE FUNCTION is not a routine definition",
         "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;",
         {{"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", 1}, {"SELECT 1", 2}}},
        // psql's heuristic, followed on purpose: a bare word BEGIN at depth 0 in
        // a routine's header opens a block. PostgreSQL's parser splits this in
        // two; psql (and split_sql) does not.
        {"psql's heuristic: a function named begin",
         "CREATE FUNCTION begin() RETURNS int LANGUAGE sql AS 'select 1';\nSELECT 2;",
         {{"CREATE FUNCTION begin() RETURNS int LANGUAGE sql AS 'select 1';\nSELECT 2;", 1}}, Pg::psql_differs},

        // --- line endings and other bytes
        {"CRLF line endings", "SELECT 1;\r\n-- c;\r\nSELECT\r\n  2;\r\nSELECT 3",
         {{"SELECT 1", 1}, {"SELECT\r\n  2", 3}, {"SELECT 3", 5}}},
        {"CRLF in a BEGIN ATOMIC body",
         "CREATE FUNCTION f() RETURNS int LANGUAGE sql\r\nBEGIN ATOMIC\r\n  SELECT 1;\r\nEND;\r\nSELECT 2;\r\n",
         {{"CREATE FUNCTION f() RETURNS int LANGUAGE sql\r\nBEGIN ATOMIC\r\n  SELECT 1;\r\nEND", 1}, {"SELECT 2", 5}}},
        {"non-ASCII identifiers and strings", "SELECT 'ü;', \"ö;\" FROM grüße;SELECT ü;",
         {{"SELECT 'ü;', \"ö;\" FROM grüße", 1}, {"SELECT ü", 1}}},

        // --- unterminated: runs to the end, never lost
        {"unterminated quote", "SELECT 1;\nSELECT 'abc;\nSELECT 3;\n", {{"SELECT 1", 1}, {"SELECT 'abc;\nSELECT 3;\n", 2}}, Pg::invalid},
        {"unterminated E string ending in a backslash", "SELECT E'abc\\", {{"SELECT E'abc\\", 1}}, Pg::invalid},
        {"unterminated quoted identifier", "SELECT \"a;\n", {{"SELECT \"a;\n", 1}}, Pg::invalid},
        {"unterminated dollar quote", "SELECT 1; DO $x$ BEGIN; $$;\n", {{"SELECT 1", 1}, {"DO $x$ BEGIN; $$;\n", 1}}, Pg::invalid},
        {"unterminated nested comment after a statement", "SELECT 1 /* a /* b */ ;", {{"SELECT 1 /* a /* b */ ;", 1}}, Pg::invalid},
        {"unterminated comment alone is kept for the server to report", "SELECT 1;\n/* DROP TABLE t;\n",
         {{"SELECT 1", 1}, {"/* DROP TABLE t;\n", 2}}, Pg::invalid},
    };
}

}  // namespace

TEST_CASE("split_sql: table of cases") {
    int valid = 0;
    for (const Case& c : cases()) {
        CAPTURE(c.name);
        CAPTURE(c.sql);
        const std::vector<SqlStatement> got = split_sql(c.sql);
        bool same = got.size() == c.expected.size();
        for (std::size_t k = 0; same && k < got.size(); ++k)
            same = got[k].text == c.expected[k].text && got[k].line == c.expected[k].line;
        std::string want;
        for (const auto& e : c.expected) want += "  line " + std::to_string(e.line) + ": [" + e.text + "]\n";
        CHECK_MESSAGE(same, "got:\n", show(got), "expected:\n", want);
        switch (c.pg) {
            case Pg::agrees:
                ++valid;
                check_agreement(c.name, c.sql);
                break;
            case Pg::invalid:
                // Keeps the table honest: a valid text must be compared.
                CHECK_MESSAGE(schemac::test::parse_error(c.sql).has_value(), "marked invalid, but PostgreSQL parses it");
                break;
            case Pg::psql_differs:
                REQUIRE_FALSE(schemac::test::parse_error(c.sql).has_value());
                CHECK(schemac::test::split_statements(c.sql) != texts(got));
                break;
        }
    }
    CHECK(valid >= 40);
}

TEST_CASE("split_sql agrees with PostgreSQL's parser on every committed .sql file") {
    int files = 0;
    const fs::path root(SCHEMAC_SOURCE_DIR);
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(root / "tests" / "cases"))
        if (e.is_regular_file() && e.path().extension() == ".sql") paths.push_back(e.path());
    for (const auto& e : fs::directory_iterator(root / "generated" / "migrations"))
        if (e.is_regular_file() && e.path().extension() == ".sql") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    std::size_t statements = 0;
    for (const auto& p : paths) {
        ++files;
        const std::string sql = schemac::test::read_file(p);
        check_agreement(fs::relative(p, root).string(), sql);
        statements += split_sql(sql).size();
    }
    CHECK(files >= 100);
    CHECK(statements >= 900);
}

TEST_CASE("split_sql agrees with PostgreSQL's parser on random schema plans") {
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        CAPTURE(seed);
        const auto pair = schemac::test::random_schema_pair(seed);
        const auto a = schemac::test::plan_text("", pair.from_yaml);
        const auto b = schemac::test::plan_text("", pair.to_yaml);
        const auto ab = schemac::test::plan_text(pair.from_yaml, pair.to_yaml);
        REQUIRE(a.errors == "");
        REQUIRE(b.errors == "");
        REQUIRE(ab.errors == "");
        check_agreement("create A up", a.up);
        check_agreement("create A down", a.down);
        check_agreement("create B up", b.up);
        check_agreement("A→B up", ab.up);
        check_agreement("A→B down", ab.down);
    }
}

TEST_CASE("split_sql is linear on inputs that punish rescanning") {
    constexpr std::size_t n = 200000;
    auto repeat = [](const std::string& s, std::size_t times) {
        std::string out;
        out.reserve(s.size() * times);
        for (std::size_t k = 0; k < times; ++k) out += s;
        return out;
    };
    // Many statements.
    {
        const auto got = split_sql(repeat("SELECT 1;\n", n));
        REQUIRE(got.size() == n);
        CHECK(got.back().line == static_cast<int>(n));
    }
    // A dollar quote full of other delimiters and near-delimiters.
    {
        const std::string body = repeat("$$ $a $ab$ $fn $f$;", n);
        const auto got = split_sql("SELECT $fn$" + body + "$fn$;SELECT 2");
        REQUIRE(got.size() == 2);
        CHECK(got[0].text.size() == body.size() + 15);
        CHECK(split_sql("SELECT $fn$" + body).size() == 1);  // unterminated
    }
    // Deeply nested comments, closed and unclosed.
    {
        const std::string deep = repeat("/*", n) + ";" + repeat("*/", n);
        CHECK(texts(split_sql("SELECT 1 " + deep + " ;SELECT 2")) == std::vector<std::string>{"SELECT 1", "SELECT 2"});
        CHECK(split_sql("SELECT 1;" + repeat("/*", n)).size() == 2);
    }
    // Strings: escapes, doubled quotes, continuations and failed continuation look-aheads.
    {
        CHECK(split_sql("SELECT E'" + repeat("\\';", n)).size() == 1);
        CHECK(split_sql("SELECT '" + repeat("'';", n) + "'").size() == 1);
        CHECK(split_sql("SELECT 'a'" + repeat("\n 'b;'", n) + ";SELECT 2").size() == 2);
        CHECK(split_sql(repeat("SELECT 'a'  -- c\n  x;", n)).size() == n);
    }
    // Lone dollars and identifiers with dollars at the top level.
    {
        CHECK(split_sql(repeat("$a x$ $1 ", n)).size() == 1);
        CHECK(split_sql(repeat("CREATE FUNCTION f() BEGIN ATOMIC CASE END END;", n / 10)).size() == n / 10);
    }
}

TEST_CASE("split_sql: statement_preview") {
    CHECK(statement_preview("SELECT 1") == "SELECT 1");
    CHECK(statement_preview("SELECT   1,\t\t2") == "SELECT 1, 2");
    CHECK(statement_preview("CREATE TABLE t (\n  id int\n)") == "CREATE TABLE t (...");
    CHECK(statement_preview("SELECT 1\r\nFROM t") == "SELECT 1...");
    CHECK(statement_preview("SELECT 1   \n   ") == "SELECT 1");  // nothing after the first line
    CHECK(statement_preview("  \n SELECT 1") == "SELECT 1");
    CHECK(statement_preview("") == "");

    const std::string longest(80, 'a');
    CHECK(statement_preview(longest) == longest);  // exactly max: unchanged
    CHECK(statement_preview(longest + "b") == std::string(77, 'a') + "...");
    CHECK(statement_preview("SELECT 'abcdef'", 10) == "SELECT ...");
    CHECK(statement_preview("SELECT 'abcdef'", 3) == "...");
    CHECK(statement_preview("SELECT 'abcdef'", 2) == "..");
    CHECK(statement_preview("SELECT 'abcdef'", 0) == "");
    CHECK(statement_preview("SELECT 1\nFROM t", 8) == "SELEC...");

    // Never inside a UTF-8 sequence: "SELECT '" is 8 bytes, each ü is 2.
    CHECK(statement_preview("SELECT 'üüüü'", 12) == "SELECT '...");    // cut at 9 backs up to 8
    CHECK(statement_preview("SELECT 'üüüü'", 13) == "SELECT 'ü...");   // cut at 10 is a boundary
    CHECK(statement_preview("SELECT '€€'", 13) == "SELECT '...");      // € is 3 bytes: cut at 10 backs up to 8

    // Every statement of every committed file: within max, valid UTF-8 cut.
    const fs::path dir = fs::path(SCHEMAC_SOURCE_DIR) / "generated" / "migrations";
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".sql") continue;
        for (const auto& st : split_sql(schemac::test::read_file(e.path()))) {
            for (std::size_t max : {0, 1, 3, 4, 10, 20, 40, 80, 200}) {
                const std::string p = statement_preview(st.text, max);
                CAPTURE(st.text);
                CAPTURE(max);
                CHECK(p.size() <= max);
                CHECK(p.find('\n') == std::string::npos);
                CHECK(whole_utf8(p));
            }
        }
    }
}
