#include "sql/sqlite/raw_sql.hpp"

#include <sqlite3.h>

#include <memory>

#include <schemac/core/ascii.hpp>

#include "sql/sqlite/quote.hpp"

namespace schemac::sql::sqlite {

namespace {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

// One statement, prepared alone (a tail other than blanks is refused) and run.
// "" on success, else SQLite's message.
std::string run_one(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &stmt, &tail) != SQLITE_OK) return sqlite3_errmsg(db);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
    for (; tail && *tail; ++tail)
        if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r') return "more than one statement";
    if (!stmt) return "no statement";
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sqlite3_errmsg(db);
    return "";
}

// The plain columns (a generated column's expression is probed on its own).
std::string columns_of(const Table& t) {
    std::string s;
    for (const auto& c : t.columns)
        if (!c.is_generated()) s += (s.empty() ? "" : ", ") + quote_ident(c.name) + " " + render_type(c.type);
    return s;
}

class Checker {
public:
    Checker(const Schema& schema, Diagnostics& diags) : schema_(schema), diags_(diags) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr);
        db_.reset(db);
    }

    void run() {
        if (!db_) return;
        for (const auto& t : schema_.tables) table(t);
    }

private:
    // The table with its columns only, as "t" of the probes; then each raw text in its place.
    void table(const Table& t) {
        if (columns_of(t).empty()) return;   // no plain column to read: the table is reported elsewhere, or SQLite decides
        const std::string name = quote_ident(t.name.name);
        if (!run_one(db_.get(), "CREATE TABLE " + name + " (" + columns_of(t) + ")").empty()) return;   // a bad name is reported elsewhere
        const std::string of_table = " of table " + t.name.display();
        for (const auto& c : t.checks)
            probe(c.expr, c.pos, "check " + quote_ident(c.name) + of_table,
                  "CREATE TABLE schemac_probe (" + columns_of(t) + ", CHECK (\n" + c.expr + "\n))", "DROP TABLE schemac_probe");
        for (const auto& c : t.columns) {
            const std::string of_column = " of column " + display_ident(c.name) + of_table;
            // In a column (the grammar of DEFAULT), then evaluated alone: SQLite
            // looks a default's functions up only when a row takes it.
            if (c.default_value && c.default_value->kind == Value::Kind::Sql &&
                probe(c.default_value->text, c.default_value->pos, "the default" + of_column,
                      "CREATE TABLE schemac_probe (c " + render_type(c.type) + " DEFAULT (\n" + c.default_value->text + "\n))",
                      "DROP TABLE schemac_probe"))
                probe(c.default_value->text, c.default_value->pos, "the default" + of_column,
                      "SELECT (\n" + c.default_value->text + "\n)", "");
            if (!c.using_expr.empty())
                probe(c.using_expr, c.using_pos.line ? c.using_pos : c.pos, "the using expression" + of_column,
                      "SELECT (\n" + c.using_expr + "\n) FROM " + name, "");
            if (!c.backfill.empty())
                probe(c.backfill, c.backfill_pos.line ? c.backfill_pos : c.pos, "the backfill expression" + of_column,
                      "SELECT (\n" + c.backfill + "\n) FROM " + name, "");
            // As a column (SQLite's rules for generation expressions), then read
            // over the table: functions are looked up when a statement is prepared.
            const SourcePos& generated_at = c.generated_pos.line ? c.generated_pos : c.pos;
            if (c.is_generated() &&
                probe(c.generated, generated_at, "the generation expression" + of_column,
                      "CREATE TABLE schemac_probe (" + columns_of(t) + ", schemac_generated " + render_type(c.type) +
                          " GENERATED ALWAYS AS (\n" + c.generated + "\n) STORED)",
                      "DROP TABLE schemac_probe"))
                probe(c.generated, generated_at, "the generation expression" + of_column, "SELECT (\n" + c.generated + "\n) FROM " + name, "");
        }
        for (const auto& i : t.indexes) {
            for (const auto& e : i.elements)
                if (!e.expr.empty())
                    probe(e.expr, e.pos, "an expression of index " + display_ident(i.name) + of_table,
                          "CREATE INDEX schemac_probe ON " + name + " ((\n" + e.expr + "\n))", "DROP INDEX schemac_probe");
            if (!i.where.empty())
                probe(i.where, i.where_pos.line ? i.where_pos : i.pos, "the WHERE of index " + display_ident(i.name) + of_table,
                      "CREATE INDEX schemac_probe ON " + name + " (" + quote_ident(t.columns.front().name) + ") WHERE (\n" + i.where + "\n)", "DROP INDEX schemac_probe");
        }
        run_one(db_.get(), "DROP TABLE " + name);
    }

    // Whether SQLite accepts `text` in `statement`; else one error at `pos`.
    bool probe(const std::string& text, const SourcePos& pos, const std::string& what, const std::string& statement,
               const std::string& undo) {
        if (const std::string why = unbalanced(text); !why.empty()) {
            diags_.error(pos, "bad-sql", what + " is not one SQL expression: " + why);
            return false;
        }
        if (const std::string why = run_one(db_.get(), statement); !why.empty()) {
            diags_.error(pos, "bad-sql", what + " is refused by SQLite: " + why);
            return false;
        }
        if (!undo.empty()) run_one(db_.get(), undo);
        return true;
    }

    const Schema& schema_;
    Diagnostics& diags_;
    Db db_;
};

}  // namespace

std::string unbalanced(std::string_view sql) {
    int depth = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            std::size_t j = i + 1;
            for (;; ++j) {
                if (j >= sql.size()) return c == '\'' ? "a string is not closed" : "a quoted name is not closed";
                if (sql[j] == close) {
                    if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) { ++j; continue; }   // doubled: part of it
                    break;
                }
            }
            i = j;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n') ++i;
            // Put in parentheses on one line, it would comment out the closing one.
            if (i >= sql.size()) return "it ends in a -- comment (end it with a line break or use /* */)";
        } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            if (end == std::string_view::npos) return "a comment is not closed";
            i = end + 1;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth < 0) return "it closes a parenthesis it did not open";
        } else if (c == ';' && depth == 0) {
            return "it contains ';'";
        }
    }
    if (depth > 0) return "a parenthesis is not closed";
    return "";
}

void check_raw_sql_fields(const Schema& schema, Diagnostics& diags) { Checker(schema, diags).run(); }

// SQLite's own collations; an application's (sqlite3_create_collation) exist
// only in its connections, so neither `schemac check` nor another tool has them.
void check_table_rules(const Table& t, Diagnostics& diags) {
    for (const auto& c : t.columns) {
        const std::string l = ascii_lower(c.collation);
        if (!c.collation.empty() && l != "binary" && l != "nocase" && l != "rtrim")
            diags.error(c.collation_pos, "bad-value", "column " + display_ident(c.name) + " of table " + t.name.display() +
                                                           " has collation " + c.collation + "; SQLite's are binary, nocase and rtrim");
    }
}

}  // namespace schemac::sql::sqlite
