// Code generation: names, the type mapping, the view model (methods, SQL,
// clashes) and rendering (banner, determinism, template overrides). The
// generated C++ itself is compiled by tests/codegen and exercised against
// PostgreSQL by the dao tests.
#include <doctest/doctest.h>

#include "load_helpers.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "codegen/cpp_names.hpp"
#include "codegen/cpp_types.hpp"
#include "codegen/render.hpp"
#include "codegen/view_model.hpp"
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "pg_grammar.hpp"
#include "random_schema.hpp"
#include "sql/postgres/rules.hpp"
#include "sql/sqlite/dialect.hpp"
#include "sql/sqlite/rules.hpp"

using namespace schemac;
using schemac::test::diagnose;
using schemac::test::load_ok;
using namespace schemac::codegen;

namespace {

GenerateOptions options() {
    GenerateOptions o;
    o.version = "9.9.9";
    return o;
}

// The diagnostics of generating C++ for a valid schema.
std::string codegen_errors(const std::string& yaml) {
    const Schema s = load_ok(yaml);
    Diagnostics d;
    build_view_model(s, options(), d);
    d.sort();
    return render_text(d);
}

const TableView& table(const ViewModel& vm, const std::string& sql_name) {
    for (const auto& t : vm.tables)
        if (t.sql_name == sql_name) return t;
    FAIL("no table " << sql_name);
    throw;
}

}  // namespace

TEST_CASE("codegen: PostgreSQL names as C++ identifiers") {
    const std::pair<const char*, const char*> cases[] = {
        {"orders", "orders"},          {"Order", "Order"},         {"class", "class_"},     {"delete", "delete_"},
        {"with space", "with_space"},  {"so-so", "so_so"},         {"2fa", "_2fa"},         {"", "_"},
        {"a__b", "a_b"},               {"_Upper", "v_Upper"},      {"quote'd", "quote_d"},  {"grüße", "gr_e"},
        {"assert", "assert_"},         {"NULL", "NULL_"},          {"int", "int_"},         {"co_await", "co_await_"},
        // Macros of the headers generated code includes, in strict and GNU modes.
        {"EOF", "EOF_"},               {"errno", "errno_"},        {"stdin", "stdin_"},     {"linux", "linux_"},
        {"unix", "unix_"},             {"BUFSIZ", "BUFSIZ_"},      {"offsetof", "offsetof_"}, {"eof", "eof"},
        // schemac_* names the generated code's own parameters and locals.
        {"schemac_tx", "vschemac_tx"}, {"schemac_", "vschemac_"},  {"schemac", "schemac"}, {"Schemac_tx", "Schemac_tx"},
        {"schemac tx", "vschemac_tx"},
    };
    for (const auto& [in, out] : cases) CHECK_MESSAGE(cpp_identifier(in) == out, in);
}

TEST_CASE("codegen: generated files include each other relative to themselves") {
    // Two schemac outputs on one include path cannot then pick each other's files.
    const Schema s = load_ok(R"(
schema: market
enums:
  side: [buy, sell]
tables:
  quotes:
    columns: {id: bigint, side: side}
    primary_key: [id]
  orders:
    schema: shop
    columns: {id: bigint, side: market.side}
    primary_key: [id]
queries:
  by_side:
    params: {side: side}
    returns: many
    row: quotes
    sql: SELECT * FROM market.quotes WHERE side = $1
)");
    Diagnostics d;
    const ViewModel vm = build_view_model(s, options(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    auto has = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    const TableView& quotes = table(vm, "market.quotes");
    CHECK(has(quotes.includes, "\"enums.hpp\""));
    CHECK(quotes.header_include == "quotes.hpp");
    const TableView& orders = table(vm, "shop.orders");
    CHECK(has(orders.includes, "\"../market/enums.hpp\""));
    CHECK_FALSE(has(orders.includes, "\"market/enums.hpp\""));
    REQUIRE(vm.query_files.size() == 1);
    CHECK(has(vm.query_files[0].includes, "\"quotes.hpp\""));
    CHECK(vm.query_files[0].header_include == "queries.hpp");
}

TEST_CASE("codegen: PascalCase type names") {
    const std::pair<const char*, const char*> cases[] = {
        {"orders", "Orders"}, {"order_lines", "OrderLines"}, {"HTTPLog", "HTTPLog"}, {"2fa", "_2fa"},
        {"with space", "WithSpace"}, {"x", "X"},
    };
    for (const auto& [in, out] : cases) CHECK_MESSAGE(pascal_case(in) == out, in);
}

TEST_CASE("codegen: text as a C++ string literal") {
    CHECK(cpp_string_literal("plain") == "\"plain\"");
    CHECK(cpp_string_literal("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(cpp_string_literal("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
    CHECK(cpp_string_literal(std::string("nul\0x", 5)) == "\"nul\\000x\"");
    CHECK(cpp_string_literal("?" "?=") == "\"\\?\\?=\"");   // no trigraph can form ("\\?" "?=" still holds "?" "?=")
    CHECK(cpp_string_literal("日本") == "\"日本\"");       // UTF-8 kept
}

TEST_CASE("codegen: the type mapping") {
    struct Case {
        const char* type;
        bool nullable;
        const char* cpp;
    };
    const Case cases[] = {
        {"smallint", false, "::std::int16_t"},
        {"integer", false, "::std::int32_t"},
        {"serial", false, "::std::int32_t"},
        {"bigint", false, "::std::int64_t"},
        {"bigserial", false, "::std::int64_t"},
        {"real", false, "float"},
        {"double precision", false, "double"},
        {"numeric(38,0)", false, "::schemac::Decimal"},
        {"numeric", true, "::std::optional<::schemac::Decimal>"},
        {"text", false, "::std::string"},
        {"varchar(20)", true, "::std::optional<::std::string>"},
        {"char(3)", false, "::std::string"},
        {"boolean", false, "bool"},
        {"date", false, "::schemac::Date"},
        {"time", false, "::schemac::TimeOfDay"},
        {"timestamp", false, "::schemac::LocalTimestamp"},
        {"timestamptz", false, "::schemac::Timestamp"},
        {"interval", false, "::schemac::Interval"},
        {"uuid", false, "::schemac::Uuid"},
        {"json", false, "::schemac::Json"},
        {"jsonb", false, "::schemac::Json"},
        {"bytea", false, "::schemac::Bytes"},
        {"integer[]", false, "::std::vector<::std::optional<::std::int32_t>>"},
        {"text[]", true, "::std::optional<::std::vector<::std::optional<::std::string>>>"},
    };
    for (const auto& c : cases) {
        std::string error;
        auto t = parse_type(c.type, error);
        REQUIRE_MESSAGE(t, c.type);
        auto cpp = cpp_type(*t, c.nullable, std::nullopt);
        REQUIRE_MESSAGE(cpp, c.type);
        CHECK_MESSAGE(cpp->name == c.cpp, c.type);
    }
    // An enum needs its C++ name; without one there is no mapping (never a silent std::string).
    Type e;
    e.kind = TypeKind::Enum;
    e.enum_name = {"market", "side"};
    CHECK_FALSE(cpp_type(e, false, std::nullopt));
    auto side = cpp_type(e, false, EnumNaming{"db::market::Side", "market/enums.hpp"});
    REQUIRE(side);
    CHECK(side->name == "db::market::Side");
    CHECK(side->includes.count("\"market/enums.hpp\""));
}

TEST_CASE("codegen: DAO methods and their SQL") {
    const Schema s = load_ok(R"(schema: shop
tables:
  orders:
    columns:
      id: bigserial
      tenant: text
      code: varchar(20)
      placed: {type: timestamptz, default: {sql: now()}}
      note: text?
    primary_key: [id]
    unique:
      - [tenant, code]
    indexes:
      - columns: [tenant, placed DESC]
      - columns: [{expr: lower(code)}]
)");
    Diagnostics d;
    const ViewModel vm = build_view_model(s, options(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const TableView& t = table(vm, "shop.orders");
    CHECK(t.row == "OrdersRow");
    CHECK(t.new_row == "OrdersNew");
    CHECK(t.dao == "OrdersDao");
    CHECK(t.header == "shop/orders.hpp");
    CHECK(t.cpp_namespace == "db::shop");
    REQUIRE(t.finds.size() == 2);
    CHECK(t.finds[0].method == "find_by_id");
    CHECK(t.finds[0].statement.sql == "SELECT id, tenant, code, placed, note FROM shop.orders WHERE id = $1");
    CHECK(t.finds[1].method == "find_by_tenant_and_code");
    CHECK(t.finds[1].params_decl == "const ::std::string& tenant, const ::std::string& code");
    // Leading columns of the unique key and of the index (the expression index gives none).
    REQUIRE(t.lists.size() == 2);
    CHECK(t.lists[0].method == "list_by_tenant");
    CHECK(t.lists[0].statement.sql == "SELECT id, tenant, code, placed, note FROM shop.orders WHERE tenant = $1 ORDER BY code, id");
    CHECK(t.lists[1].method == "list_by_tenant_and_placed");
    CHECK(t.update.statement.sql == "UPDATE shop.orders SET tenant = $1, code = $2, placed = $3, note = $4 WHERE id = $5");
    CHECK(t.deletes.at(0).statement.sql == "DELETE FROM shop.orders WHERE id = $1");
    CHECK(t.upsert.statement.sql ==
          "INSERT INTO shop.orders (id, tenant, code, placed, note) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET "
          "tenant = EXCLUDED.tenant, code = EXCLUDED.code, placed = EXCLUDED.placed, note = EXCLUDED.note RETURNING id, tenant, "
          "code, placed, note");
    REQUIRE(t.unique_upserts.size() == 1);
    CHECK(t.unique_upserts[0].conflict_sql == " ON CONFLICT (tenant, code) DO UPDATE SET ");
    CHECK(t.count.sql == "SELECT count(*) FROM shop.orders");
    // Server-filled columns are OrDefault in the insert struct.
    CHECK(t.new_fields[0].new_type == "::schemac::OrDefault<::std::int64_t>");
    CHECK(t.new_fields[1].new_type == "::std::string");
    CHECK(t.new_fields[3].new_type == "::schemac::OrDefault<::schemac::Timestamp>");
    // Statement names are short and derived from the SQL.
    CHECK(t.finds[0].statement.name.size() == 19);
    CHECK(t.finds[0].statement.name.rfind("sc_", 0) == 0);
}

TEST_CASE("codegen: on SQLite only a rowid table's integer key is numbered by the database, not a WITHOUT ROWID table's") {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", R"(tables:
  numbered:
    columns:
      id: integer
      v: text
    primary_key: [id]
  keyed:
    columns:
      id: integer
      v: text
    primary_key: [id]
    without_rowid: true
)", s, d);
    analyze(s, sql::sqlite::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    GenerateOptions o = options();
    o.dialect = &sql::sqlite::dialect();
    const ViewModel vm = build_view_model(s, o, d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const TableView& numbered = table(vm, "numbered");
    CHECK(numbered.new_fields[0].new_type == "::schemac::OrDefault<::std::int64_t>");
    CHECK(numbered.new_fields[0].pg_type == "INTEGER not null, rowid alias");
    // WITHOUT ROWID: SQLite numbers nothing and refuses a missing key (NOT NULL).
    const TableView& keyed = table(vm, "keyed");
    CHECK(keyed.new_fields[0].new_type == "::std::int64_t");
    CHECK(keyed.new_fields[0].pg_type == "INTEGER not null");
}

TEST_CASE("codegen: a table without a primary key has no update, delete or upsert") {
    const Schema s = load_ok("tables:\n  log:\n    columns:\n      at: timestamptz\n      line: text\n");
    Diagnostics d;
    const ViewModel vm = build_view_model(s, options(), d);
    const TableView& t = table(vm, "public.log");
    CHECK(t.finds.empty());
    CHECK_FALSE(t.has_update);
    CHECK(t.deletes.empty());
    CHECK_FALSE(t.has_upsert);
    CHECK(t.cpp_namespace == "db::public_");   // `public` is a C++ keyword
}

TEST_CASE("codegen: names that clash once made C++ are errors at the second name, with a note at the first") {
    struct Case { const char* name; std::string yaml, expected; };
    const std::string id = "    columns:\n      id: bigint\n    primary_key: [id]\n";
    const Case cases[] = {
        {"columns", "tables:\n  t:\n    columns:\n      a-b: text\n      a_b: text\n",
         "s.yaml:5:7: error: columns \"a-b\" and \"a_b\" both become the C++ member `a_b`; rename one\n"
         "s.yaml:4:7: note: \"a-b\" is here\n"},
        {"enum values", "enums:\n  e: [x-y, x_y]\n",
         "s.yaml:2:12: error: enum values 'x-y' and 'x_y' both become the C++ enumerator `x_y`; rename one\n"
         "s.yaml:2:7: note: 'x-y' is here\n"},
        {"tables by case", "tables:\n  order_lines:\n    columns:\n      a: text\n  OrderLines:\n    columns:\n      a: text\n",
         "s.yaml:5:3: error: public.order_lines and public.\"OrderLines\" both become the C++ name `db::public_::OrderLinesRow`; rename one\n"
         "s.yaml:2:3: note: public.order_lines is here\n"},
        {"accented letters", "tables:\n  \"\xc3\xa9\":\n" + id + "  \"\xc3\xa8\":\n" + id,
         "s.yaml:6:3: error: public.\"\xc3\xa9\" and public.\"\xc3\xa8\" both become the C++ name `db::public_::_Row`; rename one\n"
         "s.yaml:2:3: note: public.\"\xc3\xa9\" is here\n"
         "s.yaml:6:3: error: public.\"\xc3\xa9\" and public.\"\xc3\xa8\" both become the C++ file `public_/_.hpp`; rename one\n"
         "s.yaml:2:3: note: public.\"\xc3\xa9\" is here\n"},
        {"digits", "tables:\n  foo1:\n" + id + "  foo_1:\n" + id,
         "s.yaml:6:3: error: public.foo1 and public.foo_1 both become the C++ name `db::public_::Foo1Row`; rename one\n"
         "s.yaml:2:3: note: public.foo1 is here\n"},
        {"an enum named like a row struct", "enums:\n  foo_row: [a]\ntables:\n  foo:\n" + id,
         "s.yaml:2:3: error: public.foo and public.foo_row both become the C++ name `db::public_::FooRow`; rename one\n"
         "s.yaml:4:3: note: public.foo is here\n"},
        {"a table named enums", "enums:\n  side: [a]\ntables:\n  enums:\n" + id,
         "s.yaml:4:3: error: the enums.hpp of schema public and public.enums both become the C++ file `public_/enums.hpp`; rename one\n"
         "s.yaml:2:3: note: the enums.hpp of schema public is here\n"},
        {"two keys, one method name",
         "tables:\n  t:\n    columns:\n      id: bigint\n      a_and_b: int\n      c: int\n      a: int\n      b_and_c: int\n"
         "    primary_key: [id]\n    unique:\n      - [a_and_b, c]\n      - [a, b_and_c]\n",
         "s.yaml:12:9: error: key (a_and_b, c) and key (a, b_and_c) both become the C++ method `find_by_a_and_b_and_c`; rename one\n"
         "s.yaml:11:9: note: key (a_and_b, c) is here\n"},
        {"two index prefixes, one list method",
         "tables:\n  t:\n    columns:\n      id: bigint\n      a_and_b: int\n      a: int\n      b: int\n"
         "    primary_key: [id]\n    indexes:\n      - columns: [a_and_b]\n      - columns: [a, b]\n",
         "s.yaml:11:9: error: columns (a_and_b) and columns (a, b) both become the C++ method `list_by_a_and_b`; rename one\n"
         "s.yaml:10:9: note: columns (a_and_b) is here\n"},
        {"schemas", "tables:\n  t:\n    schema: a-b\n" + id + "  u:\n    schema: a_b\n" + id,
         "s.yaml:8:13: error: schemas \"a-b\" and \"a_b\" both become the C++ namespace `a_b`; rename one\n"
         "s.yaml:3:13: note: \"a-b\" is here\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        CHECK(codegen_errors(c.yaml) == c.expected);
    }
}

TEST_CASE("codegen: rendering is deterministic, bannered, and templates can be replaced") {
    const Schema s = load_ok("schema: shop\nenums:\n  side: [buy, sell]\ntables:\n  t:\n    columns:\n      id: serial\n      s: side\n    primary_key: [id]\n");
    Diagnostics d;
    const ViewModel vm = build_view_model(s, options(), d);
    const auto a = render(vm, default_templates("libpqxx"), d);
    const auto b = render(vm, default_templates("libpqxx"), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    REQUIRE(a.size() == 4);
    CHECK(a[0].path == "all.hpp");
    CHECK(a[1].path == "shop/enums.hpp");
    CHECK(a[2].path == "shop/t.cpp");
    CHECK(a[3].path == "shop/t.hpp");
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].contents == b[i].contents);
        CHECK(a[i].contents.rfind("// generated by schemac 9.9.9 from ", 0) == 0);
        CHECK(a[i].contents.find("do not edit") != std::string::npos);
    }
    CHECK(a[3].contents.rfind("// generated by schemac 9.9.9 from s.yaml \xe2\x80\x94 do not edit\n", 0) == 0);

    // A project's own template replaces one default; an unknown name is an error.
    const auto dir = std::filesystem::temp_directory_path() / "schemac_codegen_test_templates";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "all.hpp.mustache") << "{{banner}}\n// mine\n{{#headers}}#include <{{.}}>\n{{/headers}}";
    Diagnostics d2;
    Templates t = load_templates("libpqxx", dir.string(), d2);
    REQUIRE_FALSE(d2.has_errors());
    const auto c = render(vm, t, d2);
    CHECK(c[0].contents.find("// mine\n#include <shop/enums.hpp>\n#include <shop/t.hpp>\n") != std::string::npos);
    CHECK(c[3].contents == a[3].contents);
    std::ofstream(dir / "tabel.hpp.mustache") << "x";
    Diagnostics d3;
    load_templates("libpqxx", dir.string(), d3);
    CHECK(render_text(d3).find("tabel.hpp.mustache: error: not a schemac template (the templates are all.hpp.mustache, ") != std::string::npos);
    std::ofstream(dir / "tabel.hpp.mustache") << "";
    std::filesystem::remove(dir / "tabel.hpp.mustache");
    // A syntax error is reported at its line and column, counted in the file as
    // written (the lines holding only a section tag count like any other).
    std::ofstream(dir / "table.hpp.mustache") << "one\n{{#fields}}\n  {{name}}\n{{/fields}}\nx {{#lists}}unclosed";
    Diagnostics d4;
    render(vm, load_templates("libpqxx", dir.string(), d4), d4);
    CHECK(render_text(d4) == "table.hpp.mustache:5:3: error: Unclosed section \"lists\"\n");
    std::filesystem::remove_all(dir);
}

namespace {

// Every statement of a view model, including each insert and unique-upsert
// shape the runtime can build (all OrDefault columns given, and none given).
std::vector<std::string> all_statements(const ViewModel& vm) {
    std::vector<std::string> out;
    for (const auto& t : vm.tables) {
        out.push_back(t.count.sql);
        for (const auto* list : {&t.finds, &t.lists, &t.deletes})
            for (const auto& m : *list) out.push_back(m.statement.sql);
        if (t.has_update) out.push_back(t.update.statement.sql);
        if (t.has_upsert) out.push_back(t.upsert.statement.sql);
        // What InsertBuilder sends: the given columns (here all, then only the non-defaulted ones).
        for (bool all : {true, false}) {
            std::string cols, vals;
            int n = 0;
            for (const auto& f : t.new_fields) {
                if (!all && f.defaulted) continue;
                const std::string sep = n ? ", " : "";
                ++n;
                cols += sep + f.sql_name;
                vals += sep + "$" + std::to_string(n);
            }
            const std::string values = n ? "(" + cols + ") VALUES (" + vals + ")" : "DEFAULT VALUES";
            out.push_back(t.insert_prefix + values + t.returning);
            for (const auto& u : t.unique_upserts) out.push_back(t.insert_prefix + values + u.conflict_sql + u.noop_set + t.returning);
        }
        out.push_back("COPY " + t.stream_source + " TO STDOUT");
        out.push_back("COPY " + t.copy_target_table + " (" + t.select_list + ") FROM STDIN");
    }
    for (const auto& f : vm.query_files)
        for (const auto& q : f.queries) out.push_back(q.statement.sql);
    return out;
}

void check_grammar(const Schema& s) {
    Diagnostics d;
    const ViewModel vm = build_view_model(s, options(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    const auto statements = all_statements(vm);
    CHECK(!statements.empty());
    for (const auto& sql : statements) {
        const auto error = schemac::test::parse_error(sql);
        CHECK_MESSAGE(!error, sql << "\n  " << (error ? error->message : ""));
    }
}

Schema load_dir(const std::string& path) {
    Diagnostics d;
    Schema s = load_schema({path}, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    return s;
}

}  // namespace

TEST_CASE("codegen: every statement of the generated DAOs and queries parses with PostgreSQL's grammar") {
    SUBCASE("the example schema") { check_grammar(load_dir(SCHEMAC_SOURCE_DIR "/schema")); }
    SUBCASE("the round-trip schema") { check_grammar(load_dir(SCHEMAC_SOURCE_DIR "/tests/codegen/roundtrip/schema.yaml")); }
    SUBCASE("random schemas") {
        // 40 schemas that have C++ names: the generator also makes tables whose
        // names differ in case only ("Prices", "prices"), which codegen refuses
        // as a name clash (its own test), so those seeds are passed over.
        int checked = 0, clashes = 0;
        for (std::uint64_t seed = 1; checked < 40; ++seed) {
            CAPTURE(seed);
            const Schema s = load_ok(schemac::test::random_schema_pair(seed).to_yaml);
            Diagnostics d;
            (void)build_view_model(s, options(), d);
            const bool clash = !d.all().empty() && std::all_of(d.all().begin(), d.all().end(), [](const Diagnostic& x) {
                return x.severity != Severity::Error || x.code == "codegen-name-clash";
            });
            if (clash && d.has_errors()) {
                ++clashes;
                continue;
            }
            check_grammar(s);
            ++checked;
        }
        CHECK(clashes < 10);
    }
}
