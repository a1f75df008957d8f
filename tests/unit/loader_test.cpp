#include <doctest/doctest.h>

#include "load_helpers.hpp"

#include "load/loader.hpp"
#include "model/analyze.hpp"

using namespace schemac;
using schemac::test::diagnose;
using schemac::test::load_ok;

TEST_CASE("concise and full forms load into the same model") {
    Schema a = load_ok("tables:\n  t:\n    columns:\n      id: serial\n      note: text?\n    primary_key: [id]\n");
    Schema b = load_ok(
        "tables:\n  t:\n    columns:\n      id: {type: serial, primary_key: true}\n      note:\n        type: text\n        nullable: true\n");
    REQUIRE(a.tables.size() == 1);
    REQUIRE(b.tables.size() == 1);
    CHECK(a.tables[0].columns[1].nullable);
    CHECK(b.tables[0].columns[1].nullable);
    CHECK(a.tables[0].primary_key->name == b.tables[0].primary_key->name);
    CHECK(a.tables[0].primary_key->columns[0].name == "id");
}

TEST_CASE("positions are 1-based and point at the offending key or value") {
    CHECK(diagnose("tables:\n  t:\n    columns:\n      id: integer\n    colums: {}\n") ==
          "s.yaml:5:5: error: unknown key 'colums' in table; did you mean 'columns'?\n");
    CHECK(diagnose("tables:\n  t:\n    columns:\n      id: intger\n") ==
          "s.yaml:4:11: error: unknown type 'intger'; did you mean 'integer'?\n");
}

TEST_CASE("duplicate YAML keys are reported, not silently merged") {
    CHECK(diagnose("tables:\n  t:\n    columns:\n      a: text\n      a: integer\n") ==
          "s.yaml:5:7: error: duplicate key 'a' in columns\n");
}

TEST_CASE("defaults: values versus SQL expressions, quoted or not") {
    Schema s = load_ok(
        "tables:\n  t:\n    columns:\n      a: {type: text, default: 'null'}\n      b: {type: integer, default: 0}\n"
        "      c: {type: timestamptz, default: {sql: now()}}\n      d: {type: 'text?', default: null}\n"
        "      e: {type: 'text[]', default: [x, 'y z']}\n");
    const auto& cols = s.tables[0].columns;
    CHECK(cols[0].default_value->kind == Value::Kind::Scalar);
    CHECK(cols[0].default_value->text == "null");
    CHECK(cols[1].default_value->text == "0");
    CHECK(cols[2].default_value->kind == Value::Kind::Sql);
    CHECK(cols[2].default_value->text == "now()");
    CHECK_FALSE(cols[3].default_value.has_value());
    CHECK(cols[4].default_value->items.size() == 2);
}

TEST_CASE("shorthand references and index columns") {
    Schema s = load_ok(
        "schema: m\ntables:\n  a:\n    columns:\n      id: {type: integer, primary_key: true}\n"
        "  b:\n    columns:\n      a_id: {type: integer, references: a}\n      a2: {type: integer, references: 'm.a(id)'}\n"
        "    indexes:\n      - columns: [a_id DESC, a2 nulls first, {expr: a_id + a2}]\n");
    const Table& b = s.tables[1];
    REQUIRE(b.foreign_keys.size() == 2);
    CHECK(b.foreign_keys[0].ref_table == QualifiedName{"m", "a"});
    CHECK(b.foreign_keys[1].ref_columns[0].name == "id");
    const auto& el = b.indexes[0].elements;
    CHECK(el[0].order == SortOrder::Desc);
    CHECK(el[1].nulls == NullsOrder::First);
    CHECK(el[2].expr == "a_id + a2");
    CHECK(b.indexes[0].name == "b_a_id_a2_expr_idx");
}

TEST_CASE("an alias bomb is stopped, not expanded") {
    std::string yaml = "x: &a [1,2,3,4,5,6,7,8,9,10]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c, ++prev)
        yaml += std::string(1, c) + ": &" + c + " [*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
    yaml += "tables:\n  t:\n    columns:\n      c: {type: 'int[]', default: *j}\n";
    const std::string out = diagnose(yaml);
    CHECK(out.find("unknown key 'x' in schema file") != std::string::npos);
    CHECK(out.find("expands through YAML aliases") != std::string::npos);
}

TEST_CASE("every problem in one run") {
    const std::string out = diagnose(
        "tables:\n  t:\n    columns:\n      a: intger\n      b: {type: text, nulable: true}\n    primary_key: [zz]\n");
    CHECK(out ==
          "s.yaml:4:10: error: unknown type 'intger'; did you mean 'integer'?\n"
          "s.yaml:5:23: error: unknown key 'nulable' in column; did you mean 'nullable'?\n"
          "s.yaml:6:19: error: primary key names column 'zz', which table t does not have\n");
}

TEST_CASE("a value the loader could not read is reported once, by the loader") {
    // Analysis finds the loader's error at the value and says nothing more
    // about it (no "no value for NOT NULL column", no "empty sql"); a key it
    // could not read is still missing as a key.
    CHECK(diagnose("tables:\n"
                   "  t:\n"
                   "    columns:\n"
                   "      id: integer\n"
                   "      n: integer\n"
                   "    primary_key: [id]\n"
                   "    seed:\n"
                   "      - {id: {sql: \"1\"}, n: 1}\n"
                   "      - {id: 2, n: [1, {a: 1}]}\n"
                   "queries:\n"
                   "  not_a_map: 5\n"
                   "  sql_not_text:\n"
                   "    sql: [1, 2]\n"
                   "  no_sql:\n"
                   "    returns: none\n") ==
          "s.yaml:8:9: error: seed row has no value for key column 'id'\n"
          "s.yaml:8:14: error: seed value must be a value or a list of values (SQL expressions are not allowed here)\n"
          "s.yaml:9:24: error: seed value must be a value or a list of values (SQL expressions are not allowed here)\n"
          "s.yaml:11:14: error: query 'not_a_map' must be a mapping, not a scalar\n"
          "s.yaml:13:10: error: sql must be a scalar, not a list\n"
          "s.yaml:14:3: error: query 'no_sql' needs 'sql'\n");
}
