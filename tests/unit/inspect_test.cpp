// schema_from_catalog (compiler/sql/postgres/inspect) on hand-built catalog snapshots: the
// exact model, every default normalisation rule, every error and warning.
// The same conversion against a real PostgreSQL is tests/integration/inspect_test.cpp.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "load/writer.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/inspect.hpp"
#include "sql/postgres/naming.hpp"
#include "sql/postgres/rules.hpp"

using namespace schemac;
using schemac::sql::postgres::schema_from_catalog;

namespace {

// A column as the catalog reader reports it; `type` is format_type()'s text.
catalog::Column col(const std::string& name, const std::string& type, bool not_null = true, const std::string& def = "") {
    catalog::Column c;
    c.name = name;
    c.type = type;
    c.is_array = type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0;
    c.type_schema = "pg_catalog";
    c.type_name = type;   // not used for built-ins
    c.type_category = 'X';
    c.not_null = not_null;
    c.default_expr = def;
    return c;
}

catalog::Column enum_col(const std::string& name, const std::string& schema, const std::string& en, bool array = false,
                         const std::string& def = "") {
    catalog::Column c = col(name, schema + "." + en + (array ? "[]" : ""), true, def);
    c.type_schema = schema;
    c.type_name = en;
    c.type_category = 'E';
    c.is_array = array;
    return c;
}

catalog::Table table(const std::string& name, std::vector<catalog::Column> cols, const std::string& schema = "public") {
    catalog::Table t;
    t.schema = schema;
    t.name = name;
    int n = 0;
    for (auto& c : cols) c.number = ++n;
    t.columns = std::move(cols);
    return t;
}

catalog::Constraint pk(const std::string& name, std::vector<std::string> cols) {
    catalog::Constraint c;
    c.name = name;
    c.type = 'p';
    c.columns = std::move(cols);
    return c;
}

catalog::Index backing(const std::string& name, const std::vector<std::string>& cols, bool primary = true) {
    catalog::Index i;
    i.name = name;
    i.method = "btree";
    i.unique = true;
    i.primary = primary;
    i.constraint = name;
    for (const auto& c : cols) i.elements.push_back({c, "", false, false, "", ""});
    return i;
}

catalog::Enum side() {
    catalog::Enum e;
    e.schema = "s";
    e.name = "side";
    e.values = {"buy", "sell"};
    return e;
}

struct Result {
    Schema schema;
    Diagnostics diags;
    std::string text() const { return render_text(diags); }
    bool has(Severity s, const std::string& code, const std::string& message) const {
        for (const auto& d : diags.all())
            if (d.severity == s && d.code == code && d.message == message) return true;
        return false;
    }
};

Result inspect(const catalog::Snapshot& snap) {
    Result r;
    r.schema = schema_from_catalog(snap, "user@host/db", r.diags);
    return r;
}

Result inspect_table(const catalog::Table& t, std::vector<catalog::Enum> enums = {}) {
    catalog::Snapshot s;
    s.schemas = {"public"};
    s.enums = std::move(enums);
    s.tables = {t};
    return inspect(s);
}

// One column's default, inspected.
std::optional<Value> default_of(const catalog::Column& c) {
    const Result r = inspect_table(table("t", {c}), {side()});
    REQUIRE_MESSAGE(r.diags.all().empty(), r.text());
    return r.schema.tables.at(0).columns.at(0).default_value;
}

std::string shown(const std::optional<Value>& v) {
    if (!v) return "(none)";
    switch (v->kind) {
        case Value::Kind::Null: return "null";
        case Value::Kind::Scalar: return "'" + v->text + "'";
        case Value::Kind::Sql: return "{sql: " + v->text + "}";
        case Value::Kind::Array: {
            std::string s = "[";
            for (std::size_t i = 0; i < v->items.size(); ++i) s += (i ? ", " : "") + shown(v->items[i]);
            return s + "]";
        }
    }
    return "?";
}

}  // namespace

TEST_CASE("inspect: format_type spellings become the schema language's types") {
    struct Case { const char* pg; const char* model; };
    const Case cases[] = {
        {"smallint", "smallint"}, {"integer", "integer"}, {"bigint", "bigint"}, {"real", "real"},
        {"double precision", "double precision"}, {"numeric", "numeric"}, {"numeric(10,2)", "numeric(10,2)"},
        {"numeric(10,0)", "numeric(10,0)"}, {"character varying", "varchar"}, {"character varying(20)", "varchar(20)"},
        {"character(1)", "char(1)"}, {"character(5)", "char(5)"}, {"text", "text"}, {"boolean", "boolean"}, {"date", "date"},
        {"time without time zone", "time"}, {"time(3) without time zone", "time(3)"},
        {"time with time zone", "timetz"}, {"time(3) with time zone", "timetz(3)"},
        {"timestamp without time zone", "timestamp"}, {"timestamp(3) without time zone", "timestamp(3)"},
        {"timestamp with time zone", "timestamptz"}, {"timestamp(0) with time zone", "timestamptz(0)"},
        {"interval", "interval"}, {"uuid", "uuid"}, {"json", "json"}, {"jsonb", "jsonb"}, {"bytea", "bytea"},
        {"integer[]", "integer[]"}, {"character varying(20)[]", "varchar(20)[]"}, {"numeric(10,2)[]", "numeric(10,2)[]"},
        {"timestamp with time zone[]", "timestamptz[]"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.pg));
        const Result r = inspect_table(table("t", {col("c", c.pg)}));
        CHECK_MESSAGE(r.diags.all().empty(), r.text());
        CHECK(r.schema.tables[0].columns[0].type.display() == c.model);
    }
    const Result e = inspect_table(table("t", {enum_col("a", "s", "side"), enum_col("b", "s", "side", true)}), {side()});
    CHECK(e.diags.all().empty());
    CHECK(e.schema.tables[0].columns[0].type.kind == TypeKind::Enum);
    CHECK(e.schema.tables[0].columns[0].type.enum_name == QualifiedName{"s", "side"});
    CHECK(e.schema.tables[0].columns[1].type.is_array);
}

TEST_CASE("inspect: types outside the language are errors naming the column") {
    struct Case { const char* pg; const char* schema; char category; const char* message; };
    const Case cases[] = {
        {"money", "pg_catalog", 'N', "column public.t.c has type money, which the schema language does not have"},
        {"inet", "pg_catalog", 'I', "column public.t.c has type inet, which the schema language does not have"},
        {"xml", "pg_catalog", 'U', "column public.t.c has type xml, which the schema language does not have"},
        {"interval year to month", "pg_catalog", 'T', "column public.t.c has type interval year to month, which the schema language does not have"},
        {"interval(3)", "pg_catalog", 'T', "column public.t.c has type interval(3), which the schema language does not have"},
        {"\"char\"", "pg_catalog", 'Z', "column public.t.c has type \"char\", which the schema language does not have"},
        {"name", "pg_catalog", 'S', "column public.t.c has type name, which the schema language does not have"},
        {"tsrange", "pg_catalog", 'R', "column public.t.c has type tsrange, which the schema language does not have"},
        {"public.positive", "public", 'N', "column public.t.c has type public.positive (a user-defined type: domain, composite, range or base type), which the schema language does not have"},
        {"other.side", "other", 'E', "column public.t.c has type other.side, an enum in a schema that is not inspected; inspect schema other too"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.pg));
        catalog::Column x = col("c", c.pg);
        x.type_schema = c.schema;
        x.type_name = "side";
        x.type_category = c.category;
        const Result r = inspect_table(table("t", {x}));
        CHECK(r.diags.error_count() == 1);
        CHECK_MESSAGE(r.has(Severity::Error, "unsupported-feature", c.message), r.text());
        for (const auto& d : r.diags.all()) {
            CHECK(d.pos.file_name() == "user@host/db");
            CHECK(d.pos.line == 0);
        }
    }
}

TEST_CASE("inspect: every default normalisation rule") {
    struct Case { catalog::Column column; const char* expected; };
    const std::vector<Case> cases = {
        // integers: bare, negative quoted with a cast, parenthesised, an int4 constant for a bigint column
        {col("c", "integer", true, "42"), "'42'"},
        {col("c", "integer", true, "'-1'::integer"), "'-1'"},
        {col("c", "integer", true, "(-1)"), "'-1'"},
        {col("c", "bigint", true, "'-1'::integer"), "'-1'"},
        {col("c", "bigint", true, "'-5000000000'::bigint"), "'-5000000000'"},
        {col("c", "smallint", true, "5"), "'5'"},
        {col("c", "integer", true, "'5000000000'::bigint"), "{sql: '5000000000'::bigint}"},   // out of range
        {col("c", "integer", true, "1.5"), "{sql: 1.5}"},                                     // PostgreSQL would round
        // numeric and floating point
        {col("c", "numeric(10,2)", true, "1.5"), "'1.5'"},
        {col("c", "numeric(10,2)", true, "'-1.5'::numeric"), "'-1.5'"},
        {col("c", "numeric(10,2)", true, "1.234"), "{sql: 1.234}"},                           // more decimals than the scale
        {col("c", "numeric", true, "0"), "'0'"},
        {col("c", "numeric", true, "'NaN'::numeric"), "'NaN'"},
        {col("c", "double precision", true, "'0'::double precision"), "'0'"},
        {col("c", "double precision", true, "0.5"), "'0.5'"},
        {col("c", "double precision", true, "'-1.5'::double precision"), "'-1.5'"},
        {col("c", "double precision", true, "'Infinity'::double precision"), "'Infinity'"},
        {col("c", "double precision", true, "'10000000000'::numeric"), "'10000000000'"},      // exact decimal into a float
        {col("c", "double precision", true, "'1e+20'::double precision"), "'1e+20'"},
        {col("c", "double precision", true, "'0.1'::real"), "{sql: '0.1'::real}"},            // a float4 is not the same float8
        {col("c", "real", true, "'1.5'::real"), "'1.5'"},
        // floats in PostgreSQL's own shortest form, however the constant was written
        {col("c", "double precision", true, "0.0000001"), "'1e-07'"},
        {col("c", "double precision", true, "0.0001"), "'0.0001'"},
        {col("c", "double precision", true, "'100000000000000'::numeric"), "'100000000000000'"},
        {col("c", "double precision", true, "'1000000000000000'::numeric"), "'1e+15'"},
        {col("c", "double precision", true, "1.50"), "'1.5'"},
        {col("c", "double precision", true, "'-0'::double precision"), "'-0'"},
        {col("c", "double precision", true, "0.1"), "'0.1'"},
        {col("c", "real", true, "'100000'::real"), "'100000'"},
        {col("c", "real", true, "1000000"), "'1e+06'"},
        {col("c", "real", true, "0.1"), "'0.1'"},
        {col("c", "double precision[]", true, "'{0.10,1e20,NaN}'::double precision[]"), "['0.1', '1e+20', 'NaN']"},
        // strings
        {col("c", "character varying(20)", true, "'x'::character varying"), "'x'"},
        {col("c", "character varying(20)", true, "'it''s'::character varying"), "'it's'"},
        {col("c", "character varying(20)", true, "''::character varying"), "''"},
        {col("c", "character varying(3)", true, "'toolong'::text"), "{sql: 'toolong'::text}"},
        {col("c", "character varying(20)", true, "'abc'::text"), "'abc'"},
        {col("c", "text", true, "'a\\b'::text"), "'a\\b'"},
        {col("c", "text", true, "'NULL'::text"), "'NULL'"},
        {col("c", "character(3)", true, "'ab'::bpchar"), "'ab'"},
        // bit strings: bit(n)'s constants are cast to "bit", varbit's to bit varying
        {col("c", "bit(4)", true, "'1010'::\"bit\""), "'1010'"},
        {col("c", "bit varying(8)", true, "'101'::bit varying"), "'101'"},
        {col("c", "bit varying", true, "'101'::\"bit\""), "{sql: '101'::\"bit\"}"},
        {col("c", "text", true, "'a'::text || 'b'::text"), "{sql: 'a'::text || 'b'::text}"},
        {col("c", "text", true, "'x'::text::character varying"), "{sql: 'x'::text::character varying}"},
        {col("c", "text", true, "42"), "{sql: 42}"},
        // booleans
        {col("c", "boolean", true, "true"), "'true'"},
        {col("c", "boolean", true, "false"), "'false'"},
        {col("c", "boolean", true, "NOT false"), "{sql: NOT false}"},
        {col("c", "integer", true, "true"), "{sql: true}"},
        // dates and times: the cast must be the column's own type
        {col("c", "date", true, "'2024-01-01'::date"), "'2024-01-01'"},
        {col("c", "date", true, "'infinity'::date"), "'infinity'"},
        {col("c", "date", true, "CURRENT_DATE"), "{sql: CURRENT_DATE}"},
        {col("c", "date", true, "'0044-03-15 BC'::date"), "{sql: '0044-03-15 BC'::date}"},
        {col("c", "time without time zone", true, "'10:00:00'::time without time zone"), "'10:00:00'"},
        {col("c", "time(3) without time zone", true, "'10:00:00.125'::time without time zone"), "'10:00:00.125'"},
        {col("c", "timestamp(3) without time zone", true, "'2024-01-01 10:00:00.25'::timestamp without time zone"), "'2024-01-01 10:00:00.25'"},
        {col("c", "timestamp without time zone", true, "'2024-01-01 08:00:00+00'::timestamp with time zone"),
         "{sql: '2024-01-01 08:00:00+00'::timestamp with time zone}"},
        {col("c", "timestamp with time zone", true, "'2024-01-01 08:00:00+00'::timestamp with time zone"), "'2024-01-01 08:00:00+00'"},
        {col("c", "timestamp with time zone", true, "'-infinity'::timestamp with time zone"), "'-infinity'"},
        {col("c", "timestamp with time zone", true, "now()"), "{sql: now()}"},
        {col("c", "timestamp with time zone", true, "CURRENT_TIMESTAMP"), "{sql: CURRENT_TIMESTAMP}"},
        {col("c", "interval", true, "'00:05:00'::interval"), "'00:05:00'"},
        {col("c", "interval", true, "'1 day 02:00:00'::interval"), "'1 day 02:00:00'"},
        {col("c", "interval", true, "'1 year 2 mons -3 days -04:05:06.5'::interval"), "'1 year 2 mons -3 days -04:05:06.5'"},
        // other scalars
        {col("c", "uuid", true, "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid"), "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"},
        {col("c", "uuid", true, "gen_random_uuid()"), "{sql: gen_random_uuid()}"},
        {col("c", "json", true, "'{\"a\": 1}'::json"), "'{\"a\": 1}'"},
        {col("c", "jsonb", true, "'{\"a\": \"it''s\"}'::jsonb"), "'{\"a\": \"it's\"}'"},
        {col("c", "jsonb", true, "'{}'::json"), "{sql: '{}'::json}"},
        {col("c", "bytea", true, "'\\x0102'::bytea"), "'\\x0102'"},
        // enums: the cast names the column's enum, the value is one of its values
        {enum_col("c", "s", "side", false, "'buy'::s.side"), "'buy'"},
        {enum_col("c", "s", "side", false, "'nope'::s.side"), "{sql: 'nope'::s.side}"},
        {enum_col("c", "s", "side", false, "'buy'::t.side"), "{sql: 'buy'::t.side}"},
        // arrays: the array constant's text, or ARRAY[...] of constants
        {col("c", "text[]", true, "'{a,\"b c\"}'::text[]"), "['a', 'b c']"},
        {col("c", "character varying(5)[]", true, "'{a,NULL}'::character varying[]"), "['a', null]"},
        {col("c", "text[]", true, "'{\"NULL\",\"\",\"a\\\"b\",\"c\\\\d\"}'::text[]"), "['NULL', '', 'a\"b', 'c\\d']"},
        {col("c", "text[]", true, "'{}'::text[]"), "[]"},
        // read as array_in reads them: an escaped NULL is a string, blanks around a bare element are not kept
        {col("c", "text[]", true, "'{a,\\NULL}'::text[]"), "['a', 'NULL']"},
        {col("c", "text[]", true, "'{ a , b }'::text[]"), "['a', 'b']"},
        {col("c", "numeric(10,2)[]", true, "'{1.5,-2}'::numeric[]"), "['1.5', '-2']"},
        {col("c", "integer[]", true, "ARRAY[1, 2]"), "['1', '2']"},
        {col("c", "integer[]", true, "ARRAY['-1'::integer, NULL]"), "['-1', null]"},
        {col("c", "text[]", true, "ARRAY['a'::text, 'b, c'::text]"), "['a', 'b, c']"},
        {col("c", "text[]", true, "ARRAY['a'::text, 'b'::text]::text[]"), "['a', 'b']"},
        {col("c", "integer[]", true, "ARRAY[1, '-2'::integer, NULL::integer]"), "['1', '-2', null]"},
        {col("c", "integer[]", true, "ARRAY[1, NULL::text]"), "{sql: ARRAY[1, NULL::text]}"},
        {col("c", "boolean[]", true, "'{t,f,NULL}'::boolean[]"), "['true', 'false', null]"},
        {col("c", "integer[]", true, "'{{1,2},{3,4}}'::integer[]"), "{sql: '{{1,2},{3,4}}'::integer[]}"},
        {col("c", "integer[]", true, "'[0:1]={1,2}'::integer[]"), "{sql: '[0:1]={1,2}'::integer[]}"},
        {col("c", "integer[]", true, "'{1.5}'::integer[]"), "{sql: '{1.5}'::integer[]}"},
        {col("c", "integer[]", true, "ARRAY[1, 1 + 1]"), "{sql: ARRAY[1, 1 + 1]}"},
        {col("c", "text[]", true, "'{}'::character varying[]"), "[]"},
        {enum_col("c", "s", "side", true, "'{buy,sell}'::s.side[]"), "['buy', 'sell']"},
        {enum_col("c", "s", "side", true, "'{buy,hold}'::s.side[]"), "{sql: '{buy,hold}'::s.side[]}"},
        // expressions stay expressions, as PostgreSQL prints them
        {col("c", "integer", true, "40 + 2"), "{sql: 40 + 2}"},
        {col("c", "bigint", true, "nextval('public.other_seq'::regclass)"), "{sql: nextval('public.other_seq'::regclass)}"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.column.type);
        CAPTURE(c.column.default_expr);
        CHECK(shown(default_of(c.column)) == c.expected);
    }
    CHECK(shown(default_of(col("c", "integer"))) == "(none)");
}

TEST_CASE("inspect: serial and bigserial from a sequence the column owns") {
    auto serial_col = [](const std::string& name, const std::string& type, const std::string& seq) {
        catalog::Column c = col(name, type, true, "nextval('" + seq + "'::regclass)");
        c.owned_sequence = seq;
        return c;
    };
    const Result r = inspect_table(table("t", {serial_col("id", "integer", "public.t_id_seq"), serial_col("big", "bigint", "public.t_big_seq")}));
    CHECK_MESSAGE(r.diags.all().empty(), r.text());
    CHECK(r.schema.tables[0].columns[0].type.kind == TypeKind::Serial);
    CHECK(r.schema.tables[0].columns[1].type.kind == TypeKind::BigSerial);
    CHECK(!r.schema.tables[0].columns[0].default_value);

    // Quoted names read exactly as in the default, and PostgreSQL's truncation rule names it.
    const std::string long_table = "Orders With A Rather Long Name That Goes On And On And On";   // 57 bytes
    const std::string seq = "public.\"" + sql::postgres::pg_object_name(long_table, "Id", "seq") + "\"";
    const Result q = inspect_table(table(long_table, {serial_col("Id", "integer", seq)}));
    CHECK_MESSAGE(q.diags.all().empty(), q.text());
    CHECK(q.schema.tables[0].columns[0].type.kind == TypeKind::Serial);

    const Result renamed = inspect_table(table("t", {serial_col("id", "integer", "public.t_ids")}));
    CHECK(renamed.schema.tables[0].columns[0].type.kind == TypeKind::Serial);
    CHECK(renamed.has(Severity::Warning, "serial-sequence-name",
                      "column public.t.id is serial with sequence public.t_ids, not public.t_id_seq as PostgreSQL names it; a later "
                      "rename of the table or column renames public.t_id_seq, which does not exist: ALTER SEQUENCE ... RENAME TO "
                      "t_id_seq first"));
    const Result other_schema = inspect_table(table("t", {serial_col("id", "integer", "other.t_id_seq")}));
    CHECK(other_schema.diags.warning_count() == 1);

    const Result small = inspect_table(table("t", {serial_col("id", "smallint", "public.t_id_seq")}));
    CHECK(small.diags.all().empty());
    CHECK(small.schema.tables[0].columns[0].type.kind == TypeKind::SmallSerial);
    const Result numeric = inspect_table(table("t", {serial_col("id", "numeric", "public.t_id_seq")}));
    CHECK(numeric.has(Severity::Error, "unsupported-feature",
                      "column public.t.id is numeric with its own sequence public.t_id_seq; the schema language has smallserial, "
                      "serial and bigserial"));
    catalog::Column nullable = serial_col("id", "integer", "public.t_id_seq");
    nullable.not_null = false;
    const Result n = inspect_table(table("t", {nullable}));
    CHECK(n.has(Severity::Error, "unsupported-feature",
                "column public.t.id takes its values from sequence public.t_id_seq but allows NULL; a serial column is NOT NULL "
                "(SET NOT NULL, or make it an identity column)"));

    // Owned, but not the default: the sequence is reported, the default kept.
    catalog::Column owned = col("id", "integer", true, "0");
    owned.owned_sequence = "public.t_id_seq";
    const Result o = inspect_table(table("t", {owned}));
    CHECK(o.has(Severity::Warning, "unsupported-object",
                "sequence public.t_id_seq is owned by column public.t.id but is not its default: it is left out of the model, "
                "and plans never create, change or drop it"));
    CHECK(o.schema.tables[0].columns[0].type.kind == TypeKind::Integer);
    CHECK(shown(o.schema.tables[0].columns[0].default_value) == "'0'");
    // A default of another sequence: an expression.
    catalog::Column other = col("id", "integer", true, "nextval('public.shared'::regclass)");
    other.owned_sequence = "public.t_id_seq";
    CHECK(shown(inspect_table(table("t", {other})).schema.tables[0].columns[0].default_value) ==
          "{sql: nextval('public.shared'::regclass)}");
}

TEST_CASE("inspect: a whole table becomes exactly this model") {
    catalog::Snapshot s;
    s.schemas = {"public", "s"};
    catalog::Enum e = side();
    e.comment = "Which way";
    s.enums = {e};
    catalog::Column id = col("id", "bigint");
    id.identity = 'a';
    catalog::Column note = col("note", "text", false);
    note.comment = "Free text";
    catalog::Table parent = table("accounts", {col("id", "integer"), col("code", "character varying(10)")});
    parent.constraints = {pk("accounts_pkey", {"id"})};
    catalog::Constraint uq;
    uq.name = "accounts_code_key";
    uq.type = 'u';
    uq.columns = {"code"};
    parent.constraints.push_back(uq);
    parent.indexes = {backing("accounts_code_key", {"code"}, false), backing("accounts_pkey", {"id"})};
    catalog::Table t = table("orders", {id, col("account", "integer", false), enum_col("side", "s", "side", false, "'buy'::s.side"),
                                        col("price", "numeric(10,2)", true, "0"), note},
                             "s");
    t.comment = "Orders, one per row";
    catalog::Constraint fk;
    fk.name = "orders_account_fkey";
    fk.type = 'f';
    fk.columns = {"account"};
    fk.ref_schema = "public";
    fk.ref_table = "accounts";
    fk.ref_columns = {"id"};
    fk.on_delete = 'n';
    fk.on_update = 'c';
    catalog::Constraint ck;
    ck.name = "price_positive";
    ck.type = 'c';
    ck.definition = "CHECK (price > 0::numeric)";
    ck.check_expr = "price > 0::numeric";
    t.constraints = {fk, pk("orders_pkey", {"id"}), ck};
    catalog::Index by_price;
    by_price.name = "orders_lower_idx";
    by_price.method = "btree";
    by_price.elements = {{"", "(price * 2::numeric)", true, false, "", ""}, {"side", "", false, true, "", ""}};
    by_price.predicate = "note IS NOT NULL";
    catalog::Index gin;
    gin.name = "orders_note_idx";
    gin.method = "gin";
    gin.elements = {{"", "to_tsvector('simple'::regconfig, note)", false, false, "", ""}};
    t.indexes = {by_price, gin, backing("orders_pkey", {"id"})};
    s.tables = {parent, t};
    Result r = inspect(s);
    REQUIRE_MESSAGE(r.diags.all().empty(), r.text());
    analyze(r.schema, schemac::sql::postgres::rules(), r.diags);
    REQUIRE_MESSAGE(r.diags.all().empty(), r.text());
    const std::string expected =
        "schema: public\n"
        "tables:\n"
        "  accounts:\n"
        "    columns:\n"
        "      id:\n"
        "        type: \"integer\"\n"
        "      code:\n"
        "        type: \"varchar(10)\"\n"
        "    primary_key: {name: accounts_pkey, columns: [id]}\n"
        "    unique:\n"
        "      - {name: accounts_code_key, columns: [code]}\n"
        "---\n"
        "schema: s\n"
        "enums:\n"
        "  side:\n"
        "    values: [\"buy\", \"sell\"]\n"
        "    comment: \"Which way\"\n"
        "tables:\n"
        "  orders:\n"
        "    comment: \"Orders, one per row\"\n"
        "    columns:\n"
        "      id:\n"
        "        type: \"bigint\"\n"
        "        identity: always\n"
        "      account:\n"
        "        type: \"integer\"\n"
        "        nullable: true\n"
        "      side:\n"
        "        type: \"s.side\"\n"
        "        default: \"buy\"\n"
        "      price:\n"
        "        type: \"numeric(10,2)\"\n"
        "        default: \"0\"\n"
        "      note:\n"
        "        type: \"text\"\n"
        "        nullable: true\n"
        "        comment: \"Free text\"\n"
        "    primary_key: {name: orders_pkey, columns: [id]}\n"
        "    foreign_keys:\n"
        "      - name: orders_account_fkey\n"
        "        columns: [account]\n"
        "        references: {table: \"public.accounts\", columns: [id]}\n"
        "        on_delete: set_null\n"
        "        on_update: cascade\n"
        "    checks:\n"
        "      price_positive: \"price > 0::numeric\"\n"
        "    indexes:\n"
        "      - name: orders_lower_idx\n"
        "        columns:\n"
        "          - {expr: \"price * 2::numeric\", order: desc, nulls: last}\n"
        "          - {column: \"side\", nulls: first}\n"
        "        where: \"note IS NOT NULL\"\n"
        "      - name: orders_note_idx\n"
        "        columns:\n"
        "          - {expr: \"to_tsvector('simple'::regconfig, note)\"}\n"
        "        method: gin\n";
    CHECK(write_schema_yaml(r.schema, "") == expected);
    // Every name is the database's own.
    const Table& o = r.schema.tables[1];
    CHECK(o.primary_key->name_given);
    CHECK(o.foreign_keys[0].name_given);
    CHECK(o.indexes[0].name_given);
    CHECK(r.schema.tables[0].uniques[0].name_given);
    CHECK(o.pos.file_name() == "user@host/db");
    // ... and the YAML reads back as the same model.
    Diagnostics d;
    Schema again;
    load_yaml_text("again.yaml", expected, again, d);
    analyze(again, schemac::sql::postgres::rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    CHECK(diff::diff_schemas(r.schema, again, schemac::sql::postgres::rules(), d).empty());
    CHECK(diff::diff_schemas(again, r.schema, schemac::sql::postgres::rules(), d).empty());
}

TEST_CASE("inspect: NULLS FIRST/LAST only when not the default for the order") {
    struct Case { bool desc, nulls_first; SortOrder order; NullsOrder nulls; };
    const Case cases[] = {
        {false, false, SortOrder::Asc, NullsOrder::Default},
        {false, true, SortOrder::Asc, NullsOrder::First},
        {true, true, SortOrder::Desc, NullsOrder::Default},
        {true, false, SortOrder::Desc, NullsOrder::Last},
    };
    for (const auto& c : cases) {
        catalog::Table t = table("t", {col("a", "integer")});
        catalog::Index i;
        i.name = "t_a_idx";
        i.method = "btree";
        i.elements = {{"a", "", c.desc, c.nulls_first, "", ""}};
        t.indexes = {i};
        const Result r = inspect_table(t);
        CHECK(r.diags.all().empty());
        CHECK(r.schema.tables[0].indexes[0].elements[0].order == c.order);
        CHECK(r.schema.tables[0].indexes[0].elements[0].nulls == c.nulls);
    }
    const char* methods[] = {"btree", "hash", "gist", "gin", "brin"};
    for (const char* m : methods) {
        catalog::Table t = table("t", {col("a", "integer")});
        catalog::Index i;
        i.name = "t_a_idx";
        i.method = m;
        i.unique = std::string(m) == "btree";
        i.elements = {{"a", "", false, false, "", ""}};
        t.indexes = {i};
        const Result r = inspect_table(t);
        CHECK(r.diags.all().empty());
        CHECK(std::string(index_method_name(r.schema.tables[0].indexes[0].method)) == m);
        CHECK(r.schema.tables[0].indexes[0].unique == i.unique);
    }
}

TEST_CASE("inspect: operator classes, collations, INCLUDE, NULLS NOT DISTINCT and storage parameters become the model's") {
    catalog::Table t = table("t", {col("a", "text"), col("b", "integer"), col("c", "text")});
    catalog::Index i;
    i.name = "t_a_b_idx";
    i.method = "btree";
    i.unique = true;
    i.nulls_not_distinct = true;
    // As the catalog prints them: quote_ident, the schema only outside pg_catalog.
    i.elements = {{"a", "", false, false, "text_pattern_ops", "\"C\""},
                  {"", "lower(c)", true, true, "\"my schema\".\"Ops\"\"x\"", "\"en_US\""}};
    i.include = {"b", "c"};
    i.options = {"fillfactor=70", "deduplicate_items=OFF"};
    t.indexes = {i};
    const Result r = inspect_table(t);
    CHECK(r.diags.all().empty());
    REQUIRE(r.schema.tables[0].indexes.size() == 1);
    const Index& x = r.schema.tables[0].indexes[0];
    CHECK(x.elements[0].opclass == "text_pattern_ops");
    CHECK(x.elements[0].collation == "C");
    CHECK(x.elements[1].opclass == "my schema.Ops\"x");
    CHECK(x.elements[1].collation == "en_US");
    REQUIRE(x.include.size() == 2);
    CHECK(x.include[1].name == "c");
    CHECK(x.nulls_not_distinct);
    // Kept in the catalog's order and spelling; compared by value.
    REQUIRE(x.with.size() == 2);
    CHECK(x.with[0].name == "fillfactor");
    CHECK(x.with[1].value == "off");
    CHECK(same_storage(x.with, {{"deduplicate_items", "false"}, {"fillfactor", "070"}}));
    CHECK_FALSE(same_storage(x.with, {{"deduplicate_items", "false"}, {"fillfactor", "90"}}));
    CHECK_FALSE(same_storage(x.with, {{"fillfactor", "70"}}));
}

TEST_CASE("inspect: a table's storage parameters and UNLOGGED become the model's, toast.* and user_catalog_table are named") {
    catalog::Table t = table("t", {col("a", "text")});
    t.options = {"fillfactor=70", "autovacuum_vacuum_scale_factor=.050", "user_catalog_table=true", "toast.autovacuum_enabled=off"};
    t.unlogged = true;
    const Result r = inspect_table(t);
    const Table& x = r.schema.tables[0];
    CHECK(x.unlogged);
    REQUIRE(x.with.size() == 2);
    CHECK(same_storage(x.with, {{"autovacuum_vacuum_scale_factor", "0.05"}, {"fillfactor", "70"}}));
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all()[0].message ==
          "table public.t has storage parameters (user_catalog_table=true, toast.autovacuum_enabled=off) that schemac cannot represent; "
          "they are not compared");
}

TEST_CASE("inspect: ROW LEVEL SECURITY enabled, and forced, become the model's") {
    catalog::Table t = table("t", {col("a", "text")});
    t.row_security = true;
    Result r = inspect_table(t);
    CHECK(r.diags.all().empty());
    CHECK(r.schema.tables[0].row_security);
    CHECK_FALSE(r.schema.tables[0].force_row_security);
    t.force_row_security = true;
    r = inspect_table(t);
    CHECK(r.diags.all().empty());
    CHECK(r.schema.tables[0].force_row_security);
}

TEST_CASE("storage parameter values compare as PostgreSQL means them") {
    struct Case {
        const char *name, *a, *b;
        bool same;
    };
    const Case cases[] = {
        {"fillfactor", "070", "70", true},          {"fillfactor", "70", "71", false},
        {"autovacuum_vacuum_scale_factor", ".050", "0.05", true},
        {"autovacuum_vacuum_scale_factor", "1.0", "1", true},
        {"autovacuum_vacuum_scale_factor", "0.5", "0.05", false},
        {"log_autovacuum_min_duration", "-1", "-01", true},
        {"log_autovacuum_min_duration", "-0", "0", true},
        {"autovacuum_enabled", "off", "false", true},   {"autovacuum_enabled", "YES", "true", true},
        {"autovacuum_enabled", "on", "false", false},   {"vacuum_truncate", "0", "false", true},
        {"vacuum_index_cleanup", "true", "on", true},   {"vacuum_index_cleanup", "auto", "on", false},
        {"fastupdate", "1", "on", true},                {"buffering", "auto", "on", false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CAPTURE(c.a);
        CAPTURE(c.b);
        CHECK(same_storage({{c.name, c.a}}, {{c.name, c.b}}) == c.same);
    }
}

namespace {

// Table public.t (id primary key, ref, c), the start of the cases below.
catalog::Snapshot base() {
    catalog::Snapshot s;
    s.schemas = {"public"};
    catalog::Table t = table("t", {col("id", "integer"), col("ref", "integer", false), col("c", "text", false)});
    t.constraints = {pk("t_pkey", {"id"})};
    t.indexes = {backing("t_pkey", {"id"})};
    s.tables = {t};
    return s;
}

// A constraint of t on column ref: a foreign key ('f') to t.id, a check ('c'), ...
catalog::Constraint constraint(char type, const std::string& name) {
    catalog::Constraint c;
    c.name = name;
    c.type = type;
    c.columns = {"ref"};
    if (type == 'f') {
        c.ref_schema = "public";
        c.ref_table = "t";
        c.ref_columns = {"id"};
    }
    if (type == 'c') c.check_expr = "ref > 0";
    return c;
}

}  // namespace

TEST_CASE("inspect: a foreign key's MATCH FULL and DEFERRABLE become the model's") {
    struct Case { bool deferrable, deferred; char match; Deferrable expected; bool full; };
    const Case cases[] = {
        {false, false, 's', Deferrable::No, false},
        {true, false, 's', Deferrable::InitiallyImmediate, false},
        {true, true, 'f', Deferrable::InitiallyDeferred, true},
    };
    for (const auto& c : cases) {
        catalog::Snapshot s = base();
        catalog::Constraint k = constraint('f', "t_ref_fkey");
        k.deferrable = c.deferrable;
        k.deferred = c.deferred;
        k.match_type = c.match;
        s.tables[0].constraints.push_back(k);
        const Result r = inspect(s);
        CHECK_MESSAGE(r.diags.all().empty(), r.text());
        REQUIRE(r.schema.tables[0].foreign_keys.size() == 1);
        CHECK(r.schema.tables[0].foreign_keys[0].deferrable == c.expected);
        CHECK(r.schema.tables[0].foreign_keys[0].match_full == c.full);
    }
}

TEST_CASE("inspect: every error and warning, with its exact text") {
    struct Case {
        const char* what;
        std::function<void(catalog::Snapshot&)> change;
        Severity severity;
        const char* code;
        const char* message;
    };
    auto index = [](const std::string& name) {
        catalog::Index i;
        i.name = name;
        i.method = "btree";
        i.elements = {{"c", "", false, false, "", ""}};
        return i;
    };
    const std::vector<Case> cases = {
        {"a view", [](auto& s) { s.unsupported.push_back({"view", "public.v"}); }, Severity::Warning, "unsupported-object",
         "view public.v is not part of the schema language: it is left out of the model, and plans never create, change or drop it"},
        {"a trigger", [](auto& s) { s.unsupported.push_back({"trigger", "trg on public.t"}); }, Severity::Warning, "unsupported-object",
         "trigger trg on public.t is not part of the schema language: it is left out of the model, and plans never create, change or drop it"},
        {"partitioned", [](auto& s) { s.tables[0].kind = 'p'; }, Severity::Error, "unsupported-feature",
         "table public.t is partitioned (PARTITION BY); the schema language has no partitioning"},
        {"inherits", [](auto& s) { s.tables[0].inherits = {"public.parent"}; }, Severity::Error, "unsupported-feature",
         "table public.t inherits from (or is a partition of) public.parent; the schema language has no inheritance or partitions"},
        {"exclusion", [&](auto& s) { auto c = constraint('x', "t_excl"); c.definition = "EXCLUDE USING gist (c WITH =)";
                                     s.tables[0].constraints.push_back(c); },
         Severity::Error, "unsupported-feature",
         "constraint t_excl of table public.t is an exclusion constraint (EXCLUDE USING gist (c WITH =)); the schema language has none"},
        {"deferred", [&](auto& s) { auto c = constraint('u', "t_ref_key"); c.deferrable = c.deferred = true;
                                    s.tables[0].constraints.push_back(c); },
         Severity::Error, "unsupported-feature",
         "unique constraint t_ref_key of table public.t is DEFERRABLE INITIALLY DEFERRED; the schema language has only immediate constraints"},
        {"match partial", [&](auto& s) { auto c = constraint('f', "t_ref_fkey"); c.match_type = 'p'; s.tables[0].constraints.push_back(c); },
         Severity::Error, "unsupported-feature", "foreign key t_ref_fkey of table public.t is MATCH PARTIAL, which PostgreSQL does not implement"},
        {"set null columns", [&](auto& s) { auto c = constraint('f', "t_ref_fkey"); c.on_delete = 'n';
                                            c.definition = "FOREIGN KEY (ref) REFERENCES public.t(id) ON DELETE SET NULL (ref)";
                                            s.tables[0].constraints.push_back(c); },
         Severity::Error, "unsupported-feature",
         "foreign key t_ref_fkey of table public.t sets only some columns on delete (FOREIGN KEY (ref) REFERENCES public.t(id) ON "
         "DELETE SET NULL (ref)); the schema language sets all of them"},
        {"fk outside", [&](auto& s) { auto c = constraint('f', "t_ref_fkey"); c.ref_schema = "other"; c.ref_table = "x";
                                      s.tables[0].constraints.push_back(c); },
         Severity::Error, "fk-outside-inspection",
         "foreign key t_ref_fkey of table public.t references other.x, which is not inspected (another schema, or excluded); inspect it too"},
        {"fk not valid", [&](auto& s) { auto c = constraint('f', "t_ref_fkey"); c.validated = false; s.tables[0].constraints.push_back(c); },
         Severity::Warning, "not-valid",
         "foreign key t_ref_fkey of table public.t is NOT VALID: rows that existed when it was added were never checked, and the model "
         "has no such state (a plan treats it as valid); run ALTER TABLE ... VALIDATE CONSTRAINT"},
        {"check not valid", [&](auto& s) { auto c = constraint('c', "ck"); c.validated = false; s.tables[0].constraints.push_back(c); },
         Severity::Warning, "not-valid",
         "check ck of table public.t is NOT VALID: rows that existed when it was added were never checked, and the model "
         "has no such state (a plan treats it as valid); run ALTER TABLE ... VALIDATE CONSTRAINT"},
        {"no inherit", [&](auto& s) { auto c = constraint('c', "ck"); c.no_inherit = true; s.tables[0].constraints.push_back(c); },
         Severity::Error, "unsupported-feature", "check ck of table public.t is NO INHERIT; the schema language has no inheritance"},
        {"constraint comment", [&](auto& s) { auto c = constraint('c', "ck"); c.comment = "x"; s.tables[0].constraints.push_back(c); },
         Severity::Warning, "unsupported-object",
         "the comment on check ck of table public.t is not part of the schema language: it is left out of the model"},
        {"key include", [&](auto& s) { s.tables[0].indexes[0].include = {"c"}; }, Severity::Error, "unsupported-feature",
         "primary key t_pkey of table public.t has INCLUDE columns; the schema language has none"},
        {"method", [&](auto& s) { auto i = index("t_c_idx"); i.method = "spgist"; s.tables[0].indexes.push_back(i); },
         Severity::Error, "unsupported-feature",
         "index public.t_c_idx on table public.t uses access method spgist; the schema language has btree, hash, gist, gin and brin"},
        {"invalid", [&](auto& s) { auto i = index("t_c_idx"); i.valid = false; s.tables[0].indexes.push_back(i); },
         Severity::Warning, "invalid-index",
         "index public.t_c_idx on table public.t is INVALID (a CREATE INDEX CONCURRENTLY failed and left it behind): PostgreSQL does "
         "not use it; drop it and create it again"},
        {"index comment", [&](auto& s) { auto i = index("t_c_idx"); i.comment = "x"; s.tables[0].indexes.push_back(i); },
         Severity::Warning, "unsupported-object",
         "the comment on index public.t_c_idx on table public.t is not part of the schema language: it is left out of the model"},
        {"space dimension", [](auto& s) { s.tables[0].columns[0] = col("at", "timestamp with time zone");
                                          s.tables[0].constraints.clear(); s.tables[0].indexes.clear();
                                          s.tables[0].has_hypertable = true; s.tables[0].hypertable = {"at", "7 days", 2}; },
         Severity::Error, "unsupported-feature",
         "hypertable public.t has 2 dimensions (space partitioning); the schema language has the time dimension only"},
        {"integer time", [](auto& s) { s.tables[0].has_hypertable = true; s.tables[0].hypertable = {"id", "", 1}; },
         Severity::Error, "unsupported-feature",
         "hypertable public.t is partitioned by column id, which is not a date, timestamp or timestamptz column; the schema language "
         "has time dimensions only"},
        // Settings the model has no place for: warnings naming the object and the setting.
        {"table tablespace", [](auto& s) { s.tables[0].tablespace = "fast ssd"; }, Severity::Warning, "not-represented",
         "table public.t is in tablespace \"fast ssd\", which schemac cannot represent; it is not compared"},
        {"table access method", [](auto& s) { s.tables[0].access_method = "columnar"; }, Severity::Warning, "not-represented",
         "table public.t uses table access method columnar, which schemac cannot represent; it is not compared"},
        {"forced row security", [](auto& s) { s.tables[0].force_row_security = true; }, Severity::Warning, "not-represented",
         "table public.t has ROW LEVEL SECURITY forced but not enabled, which schemac cannot represent; it is not compared"},
        {"replica identity nothing", [](auto& s) { s.tables[0].replica_identity = 'n'; }, Severity::Warning, "not-represented",
         "table public.t has REPLICA IDENTITY NOTHING, which schemac cannot represent; it is not compared"},
        {"replica identity index", [](auto& s) { s.tables[0].replica_identity = 'i'; }, Severity::Warning, "not-represented",
         "table public.t has REPLICA IDENTITY USING INDEX, which schemac cannot represent; it is not compared"},
        {"index tablespace", [&](auto& s) { s.tables[0].indexes.push_back(index("t_c_idx")); s.tables[0].indexes[1].tablespace = "ts"; },
         Severity::Warning, "not-represented",
         "index public.t_c_idx on table public.t is in tablespace ts, which schemac cannot represent; it is not compared"},
        {"key index storage", [](auto& s) { s.tables[0].indexes[0].options = {"fillfactor=90", "deduplicate_items=off"}; },
         Severity::Warning, "not-represented",
         "primary key t_pkey of table public.t has storage parameters (fillfactor=90, deduplicate_items=off) that schemac cannot "
         "represent; they are not compared"},
        {"identity sequence", [](auto& s) { s.tables[0].columns[0].identity = 'a'; s.tables[0].columns[0].sequence_options = "AS bigint"; },
         Severity::Warning, "not-represented",
         "column public.t.id takes its values from a sequence with options (AS bigint) that schemac cannot represent; they are not "
         "compared"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.what));
        catalog::Snapshot s = base();
        c.change(s);
        const Result r = inspect(s);
        CHECK(r.diags.all().size() == 1);
        CHECK_MESSAGE(r.has(c.severity, c.code, c.message), r.text());
        for (const auto& d : r.diags.all()) CHECK(d.pos.file_name() == "user@host/db");
    }
}

TEST_CASE("inspect: a hypertable keeps its time column and chunk interval") {
    catalog::Table t = table("bars", {col("at", "timestamp with time zone"), col("price", "numeric")});
    t.has_hypertable = true;
    t.hypertable = {"at", "1 day", 1};
    Result r = inspect_table(t);
    REQUIRE(r.diags.all().empty());
    const auto& h = r.schema.tables[0].hypertable;
    REQUIRE(h);
    CHECK(h->time_column.name == "at");
    CHECK(h->chunk_interval->text == "1 day");
    analyze(r.schema, schemac::sql::postgres::rules(), r.diags);
    CHECK(r.diags.all().empty());
}

TEST_CASE("inspect: a generated column keeps its expression, which is not a default") {
    catalog::Column total = col("total", "numeric", false, "(price * (qty)::numeric)");
    total.generated = 's';
    catalog::Table t = table("orders", {col("price", "numeric"), col("qty", "integer"), total});
    Result r = inspect_table(t);
    REQUIRE_MESSAGE(r.diags.all().empty(), r.text());
    const Column& c = r.schema.tables[0].columns[2];
    CHECK(c.generated == "(price * (qty)::numeric)");
    CHECK_FALSE(c.default_value.has_value());
    CHECK(c.nullable);
    CHECK_FALSE(r.schema.tables[0].columns[0].is_generated());
    analyze(r.schema, schemac::sql::postgres::rules(), r.diags);
    CHECK_MESSAGE(r.diags.all().empty(), r.text());
}

TEST_CASE("inspect: unsupported objects are listed in the snapshot's order, nothing else is reported") {
    catalog::Snapshot s;
    s.schemas = {"public"};
    s.unsupported = {{"domain", "public.positive"}, {"function", "public.f(integer)"}, {"policy", "p on public.t"},
                     {"sequence", "public.standalone"}};
    const Result r = inspect(s);
    REQUIRE(r.diags.all().size() == 4);
    CHECK(r.diags.all()[0].message.rfind("domain public.positive is not", 0) == 0);
    CHECK(r.diags.all()[3].message.rfind("sequence public.standalone is not", 0) == 0);
    CHECK(r.schema.tables.empty());
    CHECK(r.schema.enums.empty());
}
