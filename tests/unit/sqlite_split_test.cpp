// Cutting a SQLite migration file into statements (schemac::sqlite::split_sql,
// runtime/sqlite/sql_split.cpp): strings, quoted identifiers, comments, trigger
// bodies (sqlite3_complete), line numbers; and that every statement it returns
// is one statement for SQLite itself.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <string>
#include <vector>

#include "schemac/sqlite/sql_split.hpp"

using schemac::SqlStatement;
using schemac::sqlite::split_sql;

namespace {

struct Case {
    const char* name;
    std::string sql;
    std::vector<SqlStatement> expected;
};

std::string show(const std::vector<SqlStatement>& v) {
    std::string out;
    for (const auto& s : v) out += "[" + std::to_string(s.line) + "] " + s.text + "\n";
    return out;
}

}  // namespace

TEST_CASE("sqlite split: table of cases") {
    const std::vector<Case> cases = {
        {"plain statements", "CREATE TABLE a (x);\nINSERT INTO a VALUES (1);\n",
         {{"CREATE TABLE a (x)", 1}, {"INSERT INTO a VALUES (1)", 2}}},
        {"a last statement without a semicolon", "SELECT 1;\nSELECT 2", {{"SELECT 1", 1}, {"SELECT 2", 2}}},
        {"empty statements dropped", ";;  ;\n-- only a comment\n;\nSELECT 1;;", {{"SELECT 1", 4}}},
        {"a semicolon in a string", "INSERT INTO a VALUES ('x;y', 'it''s; fine');", {{"INSERT INTO a VALUES ('x;y', 'it''s; fine')", 1}}},
        {"quoted identifiers of three kinds", "CREATE TABLE \"a;b\" (`c;d` int, [e;f] text, \"g\"\"h;\" int);\nSELECT 1;",
         {{"CREATE TABLE \"a;b\" (`c;d` int, [e;f] text, \"g\"\"h;\" int)", 1}, {"SELECT 1", 2}}},
        {"comments before, inside and after", "-- head; comment\n/* block; */ SELECT /* in; */ 1 -- tail;\n; SELECT 2;",
         {{"SELECT /* in; */ 1", 2}, {"SELECT 2", 3}}},
        {"a block comment is not nested", "/* a /* b */ SELECT 1; */ SELECT 2;", {{"SELECT 1", 1}, {"*/ SELECT 2", 1}}},
        {"a trigger body with semicolons is one statement",
         "CREATE TABLE t (x);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (new.x);\n  UPDATE t SET x = x + 1;\nEND;\nSELECT 1;",
         {{"CREATE TABLE t (x)", 1},
          {"CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (new.x);\n  UPDATE t SET x = x + 1;\nEND", 2},
          {"SELECT 1", 6}}},
        {"a temporary trigger, lower case, with a CASE ... END inside",
         "create temp trigger if not exists tr before delete on t begin select case when old.x > 0 then raise(abort, 'no; never') end; end;\n"
         "SELECT 2;",
         {{"create temp trigger if not exists tr before delete on t begin select case when old.x > 0 then raise(abort, 'no; never') end; end", 1},
          {"SELECT 2", 2}}},
        {"the word trigger elsewhere ends at the first semicolon", "DROP TRIGGER IF EXISTS tr;\nCREATE TABLE trigger_log (\"trigger\" text);\nSELECT 1;",
         {{"DROP TRIGGER IF EXISTS tr", 1}, {"CREATE TABLE trigger_log (\"trigger\" text)", 2}, {"SELECT 1", 3}}},
        {"CRLF line ends count once", "SELECT 1;\r\nSELECT 2;\r\n\r\nSELECT 3;", {{"SELECT 1", 1}, {"SELECT 2", 2}, {"SELECT 3", 4}}},
        {"an unterminated string runs to the end", "SELECT 1;\nSELECT 'abc;\nSELECT 2;", {{"SELECT 1", 1}, {"SELECT 'abc;\nSELECT 2;", 2}}},
        {"an unterminated block comment is a statement", "SELECT 1;\n/* never closed; SELECT 2;", {{"SELECT 1", 1}, {"/* never closed; SELECT 2;", 2}}},
        {"an unterminated trigger runs to the end", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;",
         {{"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;", 1}}},
        {"blob literals and parameters", "INSERT INTO b VALUES (x'00ff', ?1, :name, @v, $w);", {{"INSERT INTO b VALUES (x'00ff', ?1, :name, @v, $w)", 1}}},
        {"the table rebuild", "PRAGMA foreign_keys = OFF;\nBEGIN;\nCREATE TABLE n (x);\nCOMMIT;\nPRAGMA foreign_keys = ON;\n",
         {{"PRAGMA foreign_keys = OFF", 1}, {"BEGIN", 2}, {"CREATE TABLE n (x)", 3}, {"COMMIT", 4}, {"PRAGMA foreign_keys = ON", 5}}},
        {"nothing at all", "  \n -- x\n", {}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const auto got = split_sql(c.sql);
        CHECK(show(got) == show(c.expected));
    }
}

TEST_CASE("sqlite split: every statement is exactly one statement for SQLite") {
    const std::string sql =
        "CREATE TABLE t (x integer, \"y;z\" text DEFAULT 'a;b');\n"
        "CREATE TABLE log (x);\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
        "  INSERT INTO log VALUES (new.x); -- a comment; with a semicolon\n"
        "  INSERT INTO log SELECT 'end;' WHERE new.x > 1;\n"
        "END;\n"
        "INSERT INTO t (x) VALUES (1), (2);\n";
    const auto stmts = split_sql(sql);
    REQUIRE(stmts.size() == 4);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(":memory:", &db) == SQLITE_OK);
    for (const auto& s : stmts) {
        CAPTURE(s.text);
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, s.text.c_str(), -1, &stmt, &tail) == SQLITE_OK);
        CHECK(std::string(tail) == "");
        CHECK(sqlite3_step(stmt) == SQLITE_DONE);
        sqlite3_finalize(stmt);
    }
    sqlite3_stmt* count = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM log", -1, &count, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(count) == SQLITE_ROW);
    CHECK(sqlite3_column_int(count, 0) == 3);   // two rows, one of them > 1
    sqlite3_finalize(count);
    sqlite3_close(db);
}

TEST_CASE("sqlite split: a long file of plain statements and one big trigger stay quick") {
    std::string sql;
    for (int i = 0; i < 20000; ++i) sql += "INSERT INTO t VALUES (" + std::to_string(i) + ", 'x;y');\n";
    sql += "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n";
    for (int i = 0; i < 500; ++i) sql += "  INSERT INTO log VALUES (" + std::to_string(i) + ");\n";
    sql += "END;\n";
    const auto stmts = split_sql(sql);
    REQUIRE(stmts.size() == 20001);
    CHECK(stmts.back().line == 20001);
    CHECK(stmts.back().text.ends_with("END"));
}
