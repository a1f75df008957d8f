// Named queries (`queries:`): what the loader puts in the model, each
// diagnostic with its exact text and place, the $n scanner on its own, and
// that queries stay out of diff and the snapshot.
#include <doctest/doctest.h>

#include "load_helpers.hpp"

#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "load/writer.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/placeholders.hpp"
#include "model/queries.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using schemac::test::diagnose;
using schemac::test::load_ok;

namespace {

// A table and an enum to refer to; queries are appended after it (line 10 on).
const std::string kBase =
    "schema: store\n"                      // 1
    "enums:\n"                             // 2
    "  side: [buy, sell]\n"                // 3
    "tables:\n"                            // 4
    "  models:\n"                          // 5
    "    columns:\n"                       // 6
    "      id: serial\n"                   // 7
    "      name: text\n"                   // 8
    "queries:\n";                          // 9

std::vector<std::uint32_t> numbers(const PlaceholderScan& s) {
    std::vector<std::uint32_t> v;
    for (const auto& p : s.placeholders) v.push_back(p.number);
    return v;
}

}  // namespace

TEST_CASE("a query loads with every field, in written order") {
    const Schema s = load_ok(kBase +
        "  next_version:\n"
        "    comment: The version the next save gets\n"
        "    params:\n"
        "      name: varchar(255)\n"
        "      s: side?\n"
        "      at: 'timestamptz'\n"
        "    returns: one\n"
        "    columns:\n"
        "      version: integer\n"
        "      note: text?\n"
        "    sql: |\n"
        "      SELECT coalesce(max(version), 0) + 1, $3::text FROM models\n"
        "      WHERE name = $1 AND side = $2\n");
    REQUIRE(s.queries.size() == 1);
    const Query& q = s.queries[0];
    CHECK(q.name == "next_version");
    CHECK(q.schema == "store");
    CHECK(q.pos.line == 10);
    CHECK(q.pos.column == 3);
    CHECK(q.comment == "The version the next save gets");
    REQUIRE(q.params.size() == 3);
    CHECK(q.params[0].name == "name");
    CHECK(q.params[0].type.kind == TypeKind::Varchar);
    CHECK(q.params[0].type.length == 255);
    CHECK_FALSE(q.params[0].nullable);
    CHECK(q.params[0].pos.line == 13);
    CHECK(q.params[0].type_pos.column == 13);
    CHECK(q.params[1].name == "s");
    CHECK(q.params[1].type.kind == TypeKind::Enum);
    CHECK(q.params[1].type.enum_name == QualifiedName{"store", "side"});   // resolved, schema filled in
    CHECK(q.params[1].nullable);
    CHECK(q.params[2].name == "at");
    CHECK(q.params[2].type.kind == TypeKind::TimestampTz);
    CHECK(q.result == QueryResult::One);
    CHECK(q.result_pos.line == 16);
    CHECK(q.result_pos.column == 14);
    REQUIRE(q.columns.size() == 2);
    CHECK(q.columns[0].name == "version");
    CHECK(q.columns[1].name == "note");
    CHECK(q.columns[1].nullable);
    CHECK_FALSE(q.row.has_value());
    CHECK(q.sql == "SELECT coalesce(max(version), 0) + 1, $3::text FROM models\nWHERE name = $1 AND side = $2");
    CHECK(q.sql_pos.line == 20);
    REQUIRE(q.sql_dollar_pos.size() == 3);
    CHECK(q.sql_dollar_pos[0].line == 21);
    CHECK(q.sql_dollar_pos[0].column == 45);
    CHECK(q.sql_dollar_pos[2].line == 22);
    CHECK(q.sql_dollar_pos[2].column == 34);
}

TEST_CASE("defaults, flow-style params, and the three result shapes") {
    const Schema s = load_ok(kBase +
        "  touch:\n"
        "    sql: UPDATE models SET name = name\n"
        "  by_name:\n"
        "    params: {name: text}\n"
        "    returns: many\n"
        "    row: models\n"
        "    sql: SELECT * FROM models WHERE name = $1\n"
        "  rename:\n"
        "    params: {old: text, new_name: text}\n"
        "    returns: count\n"
        "    sql: UPDATE models SET name = $2 WHERE name = $1\n"
        "  maybe:\n"
        "    returns: Optional\n"
        "    row: store.models\n"
        "    sql: SELECT * FROM models LIMIT 1\n");
    REQUIRE(s.queries.size() == 4);
    CHECK(s.queries[0].result == QueryResult::None);
    CHECK(s.queries[0].params.empty());
    CHECK(s.queries[0].columns.empty());
    CHECK(s.queries[1].result == QueryResult::Many);
    CHECK(s.queries[1].row == QualifiedName{"store", "models"});   // unqualified: the file's schema
    CHECK(s.queries[1].row_pos.line == 15);
    CHECK(s.queries[2].result == QueryResult::Count);
    CHECK(s.queries[2].params[1].name == "new_name");
    CHECK(s.queries[3].result == QueryResult::Optional);
    CHECK(s.queries[3].row == QualifiedName{"store", "models"});
}

TEST_CASE("row: and enum types resolve in the file's schema, then in public") {
    const Schema s = load_ok(
        "enums:\n  mood: [ok, bad]\ntables:\n  shared:\n    columns:\n      id: integer\n"
        "---\n"
        "schema: app\ntables:\n  shared:\n    columns:\n      id: bigint\n"
        "queries:\n"
        "  mine:\n    returns: many\n    row: shared\n    sql: SELECT * FROM app.shared\n"
        "  theirs:\n    returns: many\n    row: public.shared\n    sql: SELECT * FROM public.shared\n"
        "  by_mood:\n    params: {m: mood}\n    sql: SELECT $1\n");
    REQUIRE(s.queries.size() == 3);
    CHECK(s.queries[0].row == QualifiedName{"app", "shared"});
    CHECK(s.queries[1].row == QualifiedName{"public", "shared"});
    CHECK(s.queries[2].params[0].type.enum_name == QualifiedName{"public", "mood"});
    CHECK(s.queries[2].schema == "app");
}

TEST_CASE("query diagnostics: exact text and place") {
    struct Case { const char* name; std::string queries, expected; };
    const Case cases[] = {
        {"unknown key with a hint",
         "  q:\n    retuns: one\n    sql: SELECT 1\n",
         "s.yaml:11:5: error: unknown key 'retuns' in query; did you mean 'returns'?\n"},
        {"unknown key without a hint",
         "  q:\n    zzz: 1\n    sql: SELECT 1\n",
         "s.yaml:11:5: error: unknown key 'zzz' in query; expected one of: comment, params, returns, columns, row, sql\n"},
        {"missing sql",
         "  q:\n    comment: nothing to run\n",
         "s.yaml:10:3: error: query 'q' needs 'sql'\n"},
        {"empty sql",
         "  q:\n    sql: ''\n",
         "s.yaml:11:10: error: query 'q' has an empty sql\n"},
        {"sql with no value",
         "  q:\n    sql:\n",
         "s.yaml:11:5: error: query 'q' has an empty sql\n"},
        {"sql as a list",
         "  q:\n    sql: [SELECT 1]\n",
         "s.yaml:11:10: error: sql must be a scalar, not a list\n"},
        {"query not a mapping",
         "  q: SELECT 1\n",
         "s.yaml:10:6: error: query 'q' must be a mapping, not a scalar\n"},
        {"queries not a mapping",
         "  - q\n",
         "s.yaml:10:3: error: queries must be a mapping, not a list\n"},
        {"upper-case query name",
         "  LoadModel:\n    sql: SELECT 1\n",
         "s.yaml:10:3: error: query name 'LoadModel' must be a lower-case identifier ([a-z_][a-z0-9_]*) to become a C++ name\n"},
        {"query name starting with a digit",
         "  2nd:\n    sql: SELECT 1\n",
         "s.yaml:10:3: error: query name '2nd' must be a lower-case identifier ([a-z_][a-z0-9_]*) to become a C++ name\n"},
        {"query name is a keyword",
         "  delete:\n    sql: DELETE FROM models\n",
         "s.yaml:10:3: error: query name 'delete' is a C++ keyword\n"},
        {"param names: keyword, shape, double underscore",
         "  q:\n    params: {class: text, Event: text, a__b: text}\n    sql: SELECT $1, $2, $3\n",
         "s.yaml:11:14: error: param name 'class' is a C++ keyword\n"
         "s.yaml:11:27: error: param name 'Event' must be a lower-case identifier ([a-z_][a-z0-9_]*) to become a C++ name\n"
         "s.yaml:11:40: error: param name 'a__b' contains '__', which C++ reserves for the implementation\n"},
        {"column name is a keyword",
         "  q:\n    returns: one\n    columns:\n      new: integer\n    sql: SELECT 1\n",
         "s.yaml:13:7: error: column name 'new' is a C++ keyword\n"},
        {"duplicate param and column names",
         "  q:\n    params:\n      a: text\n      a: integer\n    returns: one\n    columns:\n      x: text\n      x: text\n"
         "    sql: SELECT $1\n",
         "s.yaml:13:7: error: duplicate key 'a' in params\n"
         "s.yaml:17:7: error: duplicate key 'x' in columns\n"},
        {"duplicate query name in a file",
         "  q:\n    sql: SELECT 1\n  q:\n    sql: SELECT 2\n",
         "s.yaml:12:3: error: duplicate key 'q' in queries\n"},
        {"unknown type with a hint",
         "  q:\n    params:\n      a: intger\n    sql: SELECT $1\n",
         "s.yaml:12:10: error: unknown type 'intger'; did you mean 'integer'?\n"},
        {"unknown enum type with a hint",
         "  q:\n    params:\n      a: sidee?\n    sql: SELECT $1\n",
         "s.yaml:12:10: error: unknown type 'sidee'; did you mean 'side'?\n"},
        {"malformed type",
         "  q:\n    returns: many\n    columns:\n      a: varchar(0)\n    sql: SELECT 1\n",
         "s.yaml:13:10: error: length of varchar must be between 1 and 10485760, not 0\n"},
        {"serial is a column type only",
         "  q:\n    params:\n      a: bigserial\n    sql: SELECT $1\n",
         "s.yaml:12:10: error: param 'a' is bigserial, which only a table column can be; use bigint\n"},
        {"a param that is not a type",
         "  q:\n    params:\n      a: {type: text}\n      b: text\n    sql: SELECT $1, $2\n",
         "s.yaml:12:10: error: param 'a' needs a type such as text or 'text?', not a mapping\n"},
        {"bad returns",
         "  q:\n    returns: optinal\n    sql: SELECT 1\n",
         "s.yaml:11:14: error: returns must be one of none, one, optional, many, count, not 'optinal'; did you mean 'optional'?\n"},
        {"one needs columns or row",
         "  q:\n    returns: one\n    sql: SELECT 1\n",
         "s.yaml:11:14: error: query 'q' returns one, so it needs 'columns' (the result columns) or 'row' (a table)\n"},
        {"both columns and row",
         "  q:\n    returns: many\n    columns: {a: text}\n    row: models\n    sql: SELECT 'x'\n",
         "s.yaml:13:10: error: query 'q' has both 'columns' and 'row'; give one of them\n"},
        {"count takes neither",
         "  q:\n    returns: count\n    columns: {n: bigint}\n    row: models\n    sql: DELETE FROM models\n",
         "s.yaml:12:15: error: query 'q' returns count (the number of rows affected), so it takes no 'columns'\n"
         "s.yaml:13:10: error: query 'q' returns count (the number of rows affected), so it takes no 'row'\n"},
        {"none takes no columns",
         "  q:\n    columns:\n      n: bigint\n    sql: DELETE FROM models\n",
         "s.yaml:12:7: error: query 'q' returns none, so it takes no 'columns'\n"},
        {"empty columns",
         "  q:\n    returns: one\n    columns: {}\n    sql: SELECT 1\n",
         "s.yaml:11:14: error: query 'q' returns one, so it needs 'columns' (the result columns) or 'row' (a table)\n"
         "s.yaml:12:14: error: columns must not be empty\n"},
        {"row names a missing table",
         "  q:\n    returns: optional\n    row: modles\n    sql: SELECT * FROM models\n",
         "s.yaml:12:10: error: query 'q' returns rows of table 'modles', which does not exist; did you mean 'models'?\n"},
        {"row is not a name",
         "  q:\n    returns: optional\n    row: 'a.b.c'\n    sql: SELECT 1\n",
         "s.yaml:11:14: error: query 'q' returns optional, so it needs 'columns' (the result columns) or 'row' (a table)\n"
         "s.yaml:12:10: error: row 'a.b.c' is not a table name\n"},
        {"a placeholder beyond the params, at its place in a block",
         "  q:\n    params: {a: text, b: text}\n    sql: |\n      SELECT $1\n      WHERE x = $2 OR y = $3 OR z = $3\n",
         "s.yaml:14:27: error: query 'q' uses $3 but declares 2 params\n"},
        {"placeholders with no params",
         "  q:\n    sql: SELECT $1\n",
         "s.yaml:11:17: error: query 'q' uses $1 but declares no params\n"},
        {"an unused param",
         "  q:\n    params:\n      name: text\n      event: text\n    sql: SELECT 1 WHERE name = $1\n",
         "s.yaml:13:7: error: param $2 (event) is never used in the SQL\n"},
        {"$0 and $01",
         "  q:\n    params: {a: text}\n    sql: SELECT $0, $01\n",
         "s.yaml:12:17: error: query 'q' uses $0; parameters are numbered from $1\n"
         "s.yaml:12:21: error: query 'q' writes $01; write $1 (no leading zeros)\n"},
        {"placeholders in literals, identifiers and comments do not count",
         "  q:\n    params: {a: text}\n    sql: \"SELECT '$2', E'\\\\\\\\'' $3', \\\"$4\\\", $$ $5 $$, $t$ $6 $t$, a$7 /* $8 /* $9 */ */ -- $10\\n FROM t WHERE a = $1\"\n",
         ""},
        {"a placeholder in a quoted scalar with escapes",
         "  q:\n    params: {a: text}\n    sql: 'SELECT ''x'', $2'\n",
         "s.yaml:11:14: error: param $1 (a) is never used in the SQL\n"
         "s.yaml:12:25: error: query 'q' uses $2 but declares 1 param\n"},
        {"an unterminated literal stops the unused check",
         "  q:\n    params: {a: text, b: text}\n    sql: |\n      SELECT $1,\n        'oops\n",
         "s.yaml:12:10: error: the string literal starting on line 2 of the SQL of query 'q' is never closed\n"},
        {"an unterminated dollar quote points at itself",
         "  q:\n    sql: SELECT $x$ never closed\n",
         "s.yaml:11:17: error: the dollar-quoted string starting on line 1 of the SQL of query 'q' is never closed\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(diagnose(kBase + c.queries) == c.expected);
    }
}

TEST_CASE("a query name is unique per schema, across files") {
    Schema s;
    Diagnostics d;
    load_yaml_text("a.yaml", "queries:\n  q:\n    sql: SELECT 1\n", s, d);
    load_yaml_text("b.yaml", "queries:\n  q:\n    sql: SELECT 2\n", s, d);
    load_yaml_text("c.yaml", "schema: other\nqueries:\n  q:\n    sql: SELECT 3\n", s, d);
    analyze(s, schemac::sql::postgres::rules(), d);
    d.sort();
    CHECK(render_text(d) ==
          "b.yaml:2:3: error: query 'q' is defined twice in schema 'public'\n"
          "a.yaml:2:3: note: first defined here\n");
}

TEST_CASE("the checks hold for a query built in code") {
    Schema s;
    Query q;
    q.name = "q";
    q.schema = "public";
    q.params = {{"a", {}, Type{}, {}, false}, {"a", {}, Type{}, {}, false}};
    q.sql = "SELECT $1";
    s.queries.push_back(q);
    Diagnostics d;
    analyze(s, schemac::sql::postgres::rules(), d);
    const std::string out = render_text(d);
    CHECK(out.find("query 'q' has two params named 'a'") != std::string::npos);
    CHECK(out.find("param $2 (a) is never used in the SQL") != std::string::npos);
}

TEST_CASE("the $n scanner follows PostgreSQL's lexer") {
    struct Case { const char* sql; std::vector<std::uint32_t> found; const char* unterminated; };
    const Case cases[] = {
        {"SELECT $1, $2::int, ($3)", {1, 2, 3}, nullptr},
        {"SELECT '$1' || 'it''s $2' || $3", {3}, nullptr},
        {"SELECT E'\\' $1' || $2", {2}, nullptr},             // \' does not end an E string
        {"SELECT e'x''$1' || $2", {2}, nullptr},
        {"SELECT '\\' || $1", {1}, nullptr},                  // a standard string: \ is just a character
        {"SELECT typE'$1' || $2", {2}, nullptr},               // typE is a word; '...' a standard string
        {"SELECT \"a$1\"\"$2\" FROM t WHERE x = $3", {3}, nullptr},
        {"SELECT $$ $1 $$, $a$ $$ $2 $a$, $3", {3}, nullptr},
        {"SELECT $a$ $b$ $1 $b$ $a$ || $2", {2}, nullptr},
        {"SELECT a$1, x$$ $2", {2}, nullptr},                  // '$' inside a word belongs to it
        {"SELECT 1 -- $1\n + $2", {2}, nullptr},
        {"SELECT /* $1 /* $2 */ $3 */ $4", {4}, nullptr},
        {"SELECT $0, $007, $12345678901234", {0, 7, Placeholder::kTooLarge}, nullptr},
        {"SELECT U&'$1' || B'$2' || $3", {3}, nullptr},
        {"SELECT $ 1, $1", {1}, nullptr},
        {"SELECT $1, '$2", {1}, "string literal"},
        {"SELECT \"x", {}, "quoted identifier"},
        {"SELECT $t$ x", {}, "dollar-quoted string"},
        {"SELECT /* /* */ $1", {}, "comment"},
        {"SELECT E'\\'", {}, "string literal"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.sql);
        const auto scan = sql::postgres::scan_placeholders(c.sql);
        CHECK(numbers(scan) == c.found);
        if (c.unterminated) {
            REQUIRE(scan.unterminated.has_value());
            CHECK(scan.unterminated->what == c.unterminated);
        } else {
            CHECK_FALSE(scan.unterminated.has_value());
        }
    }
    const auto scan = sql::postgres::scan_placeholders("SELECT $01");
    REQUIRE(scan.placeholders.size() == 1);
    CHECK(scan.placeholders[0].text == "$01");
    CHECK(scan.placeholders[0].offset == 7);
}

TEST_CASE("C++ names: every C++20 keyword is refused, other words are not") {
    const char* keywords[] = {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
        "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr", "constinit",
        "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete", "do", "double",
        "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if",
        "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or",
        "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short", "signed",
        "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw",
        "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
        "wchar_t", "while", "xor", "xor_eq"};
    for (const char* k : keywords) {
        CAPTURE(k);
        CHECK(is_cpp_keyword(k));
        CHECK(check_cpp_name(k) == std::optional<std::string>("is a C++ keyword"));
    }
    for (const char* ok : {"final", "override", "import", "module", "models", "version", "_x", "x1", "load_model_version"}) {
        CAPTURE(ok);
        CHECK_FALSE(is_cpp_keyword(ok));
        CHECK_FALSE(check_cpp_name(ok).has_value());
    }
    for (const char* bad : {"", "X", "1a", "a-b", "a b", "é", "a__b", "__x"}) {
        CAPTURE(bad);
        CHECK(check_cpp_name(bad).has_value());
    }
}

TEST_CASE("queries take no part in diff or the snapshot") {
    const std::string tables = "tables:\n  models:\n    columns:\n      id: serial\n      name: text\n    primary_key: [id]\n";
    const Schema without = load_ok(tables);
    const Schema with = load_ok(tables + "queries:\n  by_name:\n    params: {name: text}\n    returns: many\n    row: models\n"
                                         "    sql: SELECT * FROM models WHERE name = $1\n");
    REQUIRE(with.queries.size() == 1);
    Diagnostics d;
    CHECK(diff::diff_schemas(without, with, schemac::sql::postgres::rules(), d).empty());
    CHECK(diff::diff_schemas(with, without, schemac::sql::postgres::rules(), d).empty());
    CHECK(write_schema_yaml(with, "snapshot") == write_schema_yaml(without, "snapshot"));
}
