// Which connection strings name a SQLite database, and the file each names.
// Everything else is PostgreSQL's (a postgresql:// URL or a libpq key=value
// string). Part of the runtime: standard library only (schemac_runtime_sqlite).
//
// The forms (docs/runtime.md, "SQLite"):
//   sqlite:///abs/path.db    an absolute path (the URL's host is empty)
//   sqlite://rel/path.db     a relative path: a SQLite URL has no host, so what
//                            follows // is the path, as golang-migrate reads it
//   sqlite:rel.db, sqlite:/abs.db
//                            the same without the slashes
//   sqlite3:...              the same as sqlite:...
//   file:x.db?mode=ro        a SQLite URI, given to sqlite3_open_v2 as it is
//                            (SQLITE_OPEN_URI): https://sqlite.org/uri.html
//   x.db, data/app.sqlite, /srv/app.sqlite3
//                            a bare path ending in .db, .sqlite or .sqlite3
//                            (any letter case) that holds no '=' and no "://"
// In the sqlite: forms the path is percent-decoded (%20 is a space, %3F a '?',
// %25 a '%'), and a query (?mode=ro&cache=shared) makes the database open
// through a file: URI with that query. Query keys are SQLite's URI parameters
// (vfs, mode, cache, psow, nolock, immutable, modeof); any other key is an
// error, since SQLite would ignore it silently. The path :memory: (and
// mode=memory) is an in-memory database, which lives only as long as its
// connection.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace schemac::sqlite {

struct SqlitePath {
    std::string filename;     // what sqlite3_open_v2 is given: a path, or a file: URI when `uri`
    bool uri = false;         // open with SQLITE_OPEN_URI
    std::string path;         // the file on disk, as written (percent-decoded): for messages,
                              // the lock file and whether it exists; ":memory:" when `memory`
    bool memory = false;      // an in-memory database: no file
    bool read_only = false;   // mode=ro
    std::string error;        // not empty: the string names SQLite but cannot be used, and why
};

// Whether `conninfo` names a SQLite database (in one of the forms above,
// malformed or not): the runner then opens it with the SQLite driver.
bool is_sqlite_conninfo(std::string_view conninfo);

// The file `conninfo` names, or nullopt when it is not a SQLite connection
// string. A malformed one (no file name, a bad %-escape, an unknown query key)
// comes back with `error` set.
std::optional<SqlitePath> parse_sqlite_conninfo(std::string_view conninfo);

}  // namespace schemac::sqlite
