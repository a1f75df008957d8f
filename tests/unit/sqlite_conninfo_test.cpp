// Which connection strings name a SQLite database, and the file each names
// (runtime/include/schemac/sqlite/conninfo.hpp): every form of docs/runtime.md
// "SQLite", the strings that stay PostgreSQL's, and the malformed ones.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schemac/sqlite/conninfo.hpp"

using schemac::sqlite::is_sqlite_conninfo;
using schemac::sqlite::parse_sqlite_conninfo;

namespace {

struct Form {
    const char* conninfo;
    const char* filename;   // what sqlite3_open_v2 gets
    bool uri;
    const char* path;       // the file, for messages and the lock file
    bool memory = false;
    bool read_only = false;
};

}  // namespace

TEST_CASE("sqlite conninfo: every documented form names its file") {
    const std::vector<Form> forms = {
        // sqlite: URLs. Three slashes: an absolute path (the host is empty).
        {"sqlite:///srv/app.db", "/srv/app.db", false, "/srv/app.db"},
        {"sqlite:////srv/app.db", "//srv/app.db", false, "//srv/app.db"},
        // Two slashes: no host in a SQLite URL, so a relative path.
        {"sqlite://app.db", "app.db", false, "app.db"},
        {"sqlite://data/app.db", "data/app.db", false, "data/app.db"},
        // No slashes: relative, or absolute with one.
        {"sqlite:app.db", "app.db", false, "app.db"},
        {"sqlite:/srv/app.db", "/srv/app.db", false, "/srv/app.db"},
        {"SQLite:app.db", "app.db", false, "app.db"},
        {"sqlite3:app.db", "app.db", false, "app.db"},
        {"sqlite3:///srv/app.db", "/srv/app.db", false, "/srv/app.db"},
        // Percent-decoded; any file name works, even without a suffix.
        {"sqlite:my%20app.db", "my app.db", false, "my app.db"},
        {"sqlite:///srv/50%25.sqlite", "/srv/50%.sqlite", false, "/srv/50%.sqlite"},
        {"sqlite:data", "data", false, "data"},
        // A query: opened through a file: URI carrying it.
        {"sqlite:///srv/app.db?mode=ro", "file:///srv/app.db?mode=ro", true, "/srv/app.db", false, true},
        {"sqlite:app.db?cache=shared&mode=rwc", "file:app.db?cache=shared&mode=rwc", true, "app.db"},
        {"sqlite:a%3Fb.db?mode=ro", "file:a%3Fb.db?mode=ro", true, "a?b.db", false, true},
        // A name starting with file: is kept a name.
        {"sqlite:file:x.db", "./file:x.db", false, "file:x.db"},
        // In memory.
        {"sqlite::memory:", ":memory:", false, ":memory:", true},
        // file: URIs, as SQLite reads them.
        {"file:app.db", "file:app.db", true, "app.db"},
        {"file:app.db?mode=ro", "file:app.db?mode=ro", true, "app.db", false, true},
        {"file:///srv/app.db", "file:///srv/app.db", true, "/srv/app.db"},
        {"file://localhost/srv/app.db?mode=rw", "file://localhost/srv/app.db?mode=rw", true, "/srv/app.db"},
        {"file:my%20app.db", "file:my%20app.db", true, "my app.db"},
        {"file::memory:?cache=shared", "file::memory:?cache=shared", true, ":memory:", true},
        {"file:shared?mode=memory", "file:shared?mode=memory", true, ":memory:", true},
        // Bare paths with a SQLite suffix, any letter case.
        {"app.db", "app.db", false, "app.db"},
        {"data/app.sqlite", "data/app.sqlite", false, "data/app.sqlite"},
        {"/srv/app.sqlite3", "/srv/app.sqlite3", false, "/srv/app.sqlite3"},
        {"APP.DB", "APP.DB", false, "APP.DB"},
        {"my app.db", "my app.db", false, "my app.db"},
    };
    for (const Form& f : forms) {
        CAPTURE(f.conninfo);
        CHECK(is_sqlite_conninfo(f.conninfo));
        const auto p = parse_sqlite_conninfo(f.conninfo);
        REQUIRE(p.has_value());
        CHECK(p->error == "");
        CHECK(p->filename == f.filename);
        CHECK(p->uri == f.uri);
        CHECK(p->path == f.path);
        CHECK(p->memory == f.memory);
        CHECK(p->read_only == f.read_only);
    }
}

TEST_CASE("sqlite conninfo: PostgreSQL's strings stay PostgreSQL's") {
    const std::vector<std::string> postgres = {
        "postgresql://app@db/shop",
        "postgres:///shop_dev",
        "postgresql://localhost/app.db",    // a URL of another scheme, whatever its database is called
        "host=/tmp dbname=app.db",          // a key=value string holds '='
        "dbname=shop.sqlite",
        "service=prod",
        "mysql://root@localhost/app.db",
        "app.dbx",
        "app.db.bak",
        "",
        "sqlite",
        "app",
    };
    for (const auto& s : postgres) {
        CAPTURE(s);
        CHECK_FALSE(is_sqlite_conninfo(s));
        CHECK_FALSE(parse_sqlite_conninfo(s).has_value());
    }
}

TEST_CASE("sqlite conninfo: a malformed SQLite string is SQLite's and says what is wrong") {
    const std::vector<std::pair<std::string, std::string>> malformed = {
        {"sqlite:", "names no file"},
        {"sqlite://", "names no file"},
        {"sqlite:///", ""},   // the root directory: a path, which SQLite then cannot open
        {"sqlite:a%2.db", "'%'"},
        {"sqlite:a%zz.db", "'%'"},
        {"sqlite:a.db#x", "'#'"},
        {"sqlite:a.db?mdoe=ro", "unknown query parameter \"mdoe\""},
        {"sqlite:a.db?mode=readonly", "mode=readonly"},
        {"file:a.db?mdoe=ro", "unknown query parameter"},
        {"file://otherhost/a.db", "authority"},
        {"file:", "names no file"},
        {"file:a%g1.db", "'%'"},
    };
    for (const auto& [s, why] : malformed) {
        CAPTURE(s);
        CHECK(is_sqlite_conninfo(s));
        const auto p = parse_sqlite_conninfo(s);
        REQUIRE(p.has_value());
        if (why.empty()) {
            CHECK(p->error == "");
            CHECK(p->path == "/");
        } else {
            CHECK(p->error.find(why) != std::string::npos);
        }
    }
}
