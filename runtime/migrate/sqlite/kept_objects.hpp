// Triggers and views across a table rebuild: steps 3 and 8 of SQLite's twelve
// (lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
//
// DROP TABLE X takes X's triggers with it, and ALTER TABLE new_X RENAME TO X
// refuses to run while any view or trigger of the database names a table that
// is missing at that moment (X, between the drop and the rename). So before a
// rebuild every trigger and view is remembered and dropped, and after its
// rename each is created again from its own CREATE text, in the order SQLite
// keeps them, then compiled once: a view or trigger that names a column the
// rebuild removed fails the migration, which rolls back whole, instead of
// failing later in the application. All of it runs inside the file's
// transaction. Private to the runtime.
#pragma once
#include <sqlite3.h>

#include <string>
#include <vector>

namespace schemac::migrate::sqlite {

class KeptObjects {
public:
    // Remembers every trigger and view of the database (those it holds
    // already included) and drops them.
    void set_aside(sqlite3* db);
    // Creates what set_aside() dropped again and checks that it compiles
    // against the tables as they are now; throws SqliteError naming the
    // object when it does not. Nothing to do when nothing is set aside.
    void restore(sqlite3* db);

private:
    struct Object {
        std::string type, name, table, sql;
    };
    std::vector<Object> kept_;   // in sqlite_schema's order
};

}  // namespace schemac::migrate::sqlite
