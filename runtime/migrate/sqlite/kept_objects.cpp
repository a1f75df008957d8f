#include "kept_objects.hpp"

#include <set>

#include "connection.hpp"

namespace schemac::migrate::sqlite {

namespace {

void run(sqlite3* db, const std::string& sql) { Statement(db, sql).run(); }

// Compiling a statement compiles the triggers it would fire (SQLite codes
// them into the statement's program) and the views it reads. Never stepped.
std::string compile_error(sqlite3* db, const std::string& sql) {
    try {
        Statement s(db, sql);
        return "";
    } catch (const SqliteError& e) {
        return e.what();
    }
}

// Every statement that fires a trigger on `table`: INSERT, UPDATE of every
// column, DELETE. A view without an INSTEAD OF trigger for one of them cannot
// be written that way at all, which is no fault of the trigger.
std::string check_triggers_on(sqlite3* db, const std::string& table) {
    const std::string q = quote_ident(table);
    std::string set;
    Statement columns(db, "SELECT name FROM pragma_table_info(?1)");
    columns.bind(1, table);
    while (columns.step()) set += (set.empty() ? "" : ", ") + quote_ident(columns.text(0)) + " = " + quote_ident(columns.text(0));
    for (const std::string& sql :
         {"INSERT INTO " + q + " DEFAULT VALUES", "UPDATE " + q + " SET " + set, "DELETE FROM " + q}) {
        std::string e = compile_error(db, sql);
        if (!e.empty() && e.find("because it is a view") == std::string::npos) return e;
    }
    return "";
}

}  // namespace

void KeptObjects::set_aside(sqlite3* db) {
    std::vector<Object> found;
    Statement s(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view') AND sql IS NOT NULL ORDER BY rowid");
    while (s.step()) found.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    // Triggers first: a view's INSTEAD OF triggers go with it.
    for (const auto& o : found)
        if (o.type == "trigger") run(db, "DROP TRIGGER " + quote_ident(o.name));
    for (auto it = found.rbegin(); it != found.rend(); ++it)
        if (it->type == "view") run(db, "DROP VIEW " + quote_ident(it->name));
    kept_.insert(kept_.end(), found.begin(), found.end());
}

void KeptObjects::restore(sqlite3* db) {
    std::vector<Object> kept = std::move(kept_);
    kept_.clear();
    const auto fail = [](const Object& o, const std::string& why) {
        return SqliteError(SQLITE_ERROR, "the table rebuild keeps every trigger and view, but " + o.type + " " + quote_ident(o.name) +
                                             " no longer fits the rebuilt tables: " + why +
                                             " (drop it in this migration before the rebuild and create it anew after it)");
    };
    for (const auto& o : kept) {
        try {
            run(db, o.sql);
        } catch (const SqliteError& e) {
            throw fail(o, e.what());
        }
    }
    std::set<std::string> checked;
    for (const auto& o : kept) {
        std::string e;
        if (o.type == "view") e = compile_error(db, "SELECT * FROM " + quote_ident(o.name));
        else if (checked.insert(o.table).second) e = check_triggers_on(db, o.table);
        if (e.empty()) continue;
        if (o.type == "view") throw fail(o, e);
        // The statement that failed compiled every trigger on the table: name them all.
        std::string names;
        for (const auto& t : kept)
            if (t.type == "trigger" && t.table == o.table) names += (names.empty() ? "" : ", ") + quote_ident(t.name);
        throw SqliteError(SQLITE_ERROR, "the table rebuild keeps every trigger and view, but the triggers on " + quote_ident(o.table) +
                                            " (" + names + ") no longer fit the rebuilt tables: " + e +
                                            " (drop the one at fault in this migration before the rebuild and create it anew after it)");
    }
}

}  // namespace schemac::migrate::sqlite
