// Test helper: a real SQLite database file through the C API, for the tests
// under tests/sqlite. Every failure is a doctest failure naming the SQL.
#pragma once
#include <sqlite3.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace schemac::test {

class SqliteDb {
public:
    explicit SqliteDb(const std::filesystem::path& file) : path_(file) {
        std::filesystem::remove(file);
        REQUIRE(sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
        exec("PRAGMA foreign_keys = ON");
    }
    ~SqliteDb() { sqlite3_close_v2(db_); }
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    // Runs every statement of `sql`; "" on success, else SQLite's message.
    std::string try_exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return "";
        std::string msg = err ? err : "error";
        sqlite3_free(err);
        return msg;
    }
    void exec(const std::string& sql) {
        const std::string err = try_exec(sql);
        CHECK_MESSAGE(err.empty(), std::string(err + " in: " + sql));
    }
    // Every row of `sql` as tab-separated text ("NULL" for NULL), one line each.
    std::vector<std::string> rows(const std::string& sql) {
        std::vector<std::string> out;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            FAIL_CHECK(sqlite3_errmsg(db_) << " in: " << sql);
            return out;
        }
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::string line;
            for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                if (i) line += '\t';
                const auto* text = sqlite3_column_text(stmt, i);
                line += text ? reinterpret_cast<const char*>(text) : "NULL";
            }
            out.push_back(line);
        }
        sqlite3_finalize(stmt);
        return out;
    }
    // A migration file's statements as the runner runs them: in one
    // transaction; with foreign_keys_off, foreign keys off around it and
    // every one checked before the commit. "" on success.
    std::string run_migration(const std::string& sql, bool foreign_keys_off) {
        if (foreign_keys_off) exec("PRAGMA foreign_keys = OFF");
        exec("BEGIN IMMEDIATE");
        std::string err = try_exec(sql);
        if (err.empty() && foreign_keys_off && !rows("PRAGMA foreign_key_check").empty()) err = "foreign_key_check found rows";
        exec(err.empty() ? "COMMIT" : "ROLLBACK");
        if (foreign_keys_off) exec("PRAGMA foreign_keys = ON");
        return err;
    }
    // The schema as SQLite's pragmas describe it, one line per fact:
    // what a database created directly and one migrated to the same schema
    // must share (not the CREATE text, which renames rewrite).
    std::vector<std::string> catalog() {
        std::vector<std::string> out;
        for (const auto& t : rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            const std::string q = "'" + t + "'";
            out.push_back("table " + t);
            for (const auto& o : rows("SELECT \"strict\", wr FROM pragma_table_list(" + q + ")")) out.push_back(t + " strict, without rowid " + o);
            // By name, not position: ADD COLUMN appends, so a rollback that brings a
            // dropped column back puts it last.
            for (const auto& c : rows("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(" + q + ") ORDER BY name"))
                out.push_back(t + " column " + c);
            for (const auto& i : rows("SELECT CASE origin WHEN 'c' THEN name ELSE origin END, \"unique\", partial, "
                                      "(SELECT group_concat(coalesce(x.name, '<expr>') || CASE x.desc WHEN 1 THEN ' DESC' ELSE '' END, ', ') "
                                      "   FROM pragma_index_xinfo(l.name) x WHERE x.key) "
                                      "FROM pragma_index_list(" + q + ") l ORDER BY 1, 4"))
                out.push_back(t + " index " + i);
            for (const auto& f : rows("SELECT \"table\", group_concat(\"from\", ','), group_concat(coalesce(\"to\", '<pk>'), ','), "
                                      "on_update, on_delete FROM pragma_foreign_key_list(" + q + ") GROUP BY id ORDER BY 1, 2"))
                out.push_back(t + " foreign key " + f);
            for (const auto& s : rows("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = " + q)) {
                std::size_t checks = 0;
                for (std::size_t at = s.find("CHECK"); at != std::string::npos; at = s.find("CHECK", at + 5)) ++checks;
                out.push_back(t + " checks " + std::to_string(checks));
                out.push_back(t + std::string(s.find("AUTOINCREMENT") == std::string::npos ? " no" : "") + " autoincrement");
            }
        }
        for (const auto& i : rows("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))
            out.push_back("index " + i);
        return out;
    }

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

}  // namespace schemac::test
