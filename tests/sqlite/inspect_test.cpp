// SQLite's live side (compiler/sql/sqlite/live, inspect, normalize,
// tokenizer) on real database files: each case creates a file with SQL run
// through the SQLite C API, reads it back through find_live("sqlite"), and
// asserts the exact model (a text dump of every field that matters) and the
// exact warnings. Also: the conninfo forms, that inspection never writes,
// and that a database created from YAML compares equal to that YAML.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "schemac/migrate/runner.hpp"
#include "sql/dialect.hpp"
#include "sql/live.hpp"
#include "sql/sqlite/inspect.hpp"
#include "sql/sqlite/normalize.hpp"
#include "sql/sqlite/tokenizer.hpp"

using namespace schemac;
namespace fs = std::filesystem;

namespace {

// A directory of its own per test, removed afterwards.
class Scratch {
public:
    Scratch() {
        static std::atomic<int> n{0};
        dir_ = fs::temp_directory_path() / ("schemac-sqlite-inspect-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    // A new database file `name` holding what `sql` creates.
    std::string create(const std::string& sql, const std::string& name = "test.db") const {
        const std::string path = (dir_ / name).string();
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
        char* err = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
        const std::string message = err ? err : "";
        sqlite3_free(err);
        sqlite3_close(db);
        REQUIRE_MESSAGE(rc == SQLITE_OK, message);
        return path;
    }
    fs::path path(const std::string& name) const { return dir_ / name; }

private:
    fs::path dir_;
};

const sql::LiveDatabase& live() {
    const sql::LiveDatabase* l = sql::find_live("sqlite");
    REQUIRE(l != nullptr);
    return *l;
}

const char* action(FkAction a) {
    switch (a) {
        case FkAction::NoAction: return "no action";
        case FkAction::Restrict: return "restrict";
        case FkAction::Cascade: return "cascade";
        case FkAction::SetNull: return "set null";
        case FkAction::SetDefault: return "set default";
    }
    return "?";
}

std::string value(const Value& v) {
    switch (v.kind) {
        case Value::Kind::Null: return "null";
        case Value::Kind::Scalar: return "value[" + v.text + "]";
        case Value::Kind::Sql: return "sql[" + v.text + "]";
        case Value::Kind::Array: return "array";
    }
    return "?";
}

std::string names(const std::vector<Ident>& v) {
    std::string s;
    for (const auto& i : v) s += (s.empty() ? "" : ", ") + i.name;
    return s;
}

// `name` and, when the database did not say it (a default name), a '*'.
std::string named(const std::string& name, bool given) { return name + (given ? "" : "*"); }

// Every field inspection fills, one line each, in model order.
std::string dump(const Schema& s) {
    std::ostringstream o;
    for (const auto& t : s.tables) {
        o << "table " << t.name.schema << "." << t.name.name << (t.strict ? " strict" : "") << (t.without_rowid ? " without rowid" : "")
          << "\n";
        for (const auto& c : t.columns) {
            o << "  column " << c.name << " " << c.type.display() << (c.nullable ? " null" : " not null");
            if (c.autoincrement) o << " autoincrement";
            if (c.is_generated()) o << " generated (" << c.generated << ")";
            if (!c.collation.empty()) o << " collate " << c.collation;
            if (c.default_value) o << " default " << value(*c.default_value);
            o << "\n";
        }
        if (t.primary_key) o << "  primary key " << named(t.primary_key->name, t.primary_key->name_given) << " (" << names(t.primary_key->columns) << ")\n";
        for (const auto& u : t.uniques) o << "  unique " << named(u.name, u.name_given) << " (" << names(u.columns) << ")\n";
        for (const auto& f : t.foreign_keys)
            o << "  foreign key " << named(f.name, f.name_given) << " (" << names(f.columns) << ") references " << f.ref_table.schema
              << "." << f.ref_table.name << " (" << names(f.ref_columns) << ") on delete " << action(f.on_delete) << " on update "
              << action(f.on_update) << "\n";
        for (const auto& c : t.checks) o << "  check " << c.name << ": " << c.expr << "\n";
        for (const auto& i : t.indexes) {
            o << "  " << (i.unique ? "unique index " : "index ") << named(i.name, i.name_given) << " " << index_method_name(i.method)
              << " (";
            bool first = true;
            for (const auto& e : i.elements) {
                o << (first ? "" : ", ") << (e.column.empty() ? "expr[" + e.expr + "]" : e.column)
                  << (e.order == SortOrder::Desc ? " desc" : "") << (e.nulls == NullsOrder::Default ? "" : " nulls");
                first = false;
            }
            o << ")";
            if (!i.where.empty()) o << " where " << i.where;
            o << "\n";
        }
    }
    return o.str();
}

std::string diagnostics(const Diagnostics& d) {
    std::string s;
    for (const auto& x : d.all()) s += std::string(severity_name(x.severity)) + " " + x.code + ": " + x.message + "\n";
    return s;
}

struct Inspected {
    std::string model, warnings;
    Schema schema;
};

Inspected inspect(const std::string& conninfo, const sql::InspectOptions& options = {}) {
    Diagnostics d;
    sql::InspectedDatabase db = live().inspect(conninfo, options, d);
    return {dump(db.schema), diagnostics(d), std::move(db.schema)};
}

// The case's database, inspected.
Inspected inspect_sql(const std::string& sql) {
    Scratch scratch;
    return inspect("sqlite:" + scratch.create(sql));
}

struct Case {
    const char* name;
    const char* sql;
    const char* model;
    const char* warnings;
};

void run(const Case& c) {
    CAPTURE(c.name);
    const Inspected got = inspect_sql(c.sql);
    CHECK(got.model == c.model);
    CHECK(got.warnings == c.warnings);
}

// The SQL the SQLite planner writes for the brief's example, table by table.
const char* const kPlannerSql = R"(
CREATE TABLE accounts (
    id TEXT NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);
CREATE TABLE orders (
    id INTEGER NOT NULL,
    symbol TEXT NOT NULL DEFAULT 'BTC',
    qty REAL NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at INTEGER NOT NULL DEFAULT (unixepoch()),
    account_id TEXT,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_symbol_key UNIQUE (symbol),
    CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT orders_qty_check CHECK (qty >= 0)
);
CREATE INDEX orders_created_at_idx ON orders (created_at DESC) WHERE active;
CREATE UNIQUE INDEX orders_lower_symbol_idx ON orders (lower(symbol));
)";

const char* const kPlannerModel = R"(table main.accounts
  column id text not null
  primary key accounts_pkey (id)
table main.orders
  column id integer not null
  column symbol text not null default value[BTC]
  column qty real not null default value[0]
  column active boolean not null default value[true]
  column created_at integer not null default sql[unixepoch()]
  column account_id text null
  primary key orders_pkey (id)
  unique orders_symbol_key (symbol)
  foreign key orders_account_id_fkey (account_id) references main.accounts (id) on delete cascade on update no action
  check orders_qty_check: qty >= 0
  index orders_created_at_idx btree (created_at desc) where active
  unique index orders_lower_symbol_idx btree (expr[lower(symbol)])
)";

// The same schema in YAML, as a user writes it.
const char* const kPlannerYaml = R"(
tables:
  accounts:
    columns:
      id: text
    primary_key: [id]
  orders:
    columns:
      id: integer
      symbol: {type: text, default: BTC, unique: true}
      qty: {type: real, default: 0}
      active: {type: boolean, default: true}
      created_at: {type: integer, default: {sql: unixepoch()}}
      account_id: text?
    primary_key: [id]
    foreign_keys:
      - columns: [account_id]
        references: {table: accounts, columns: [id]}
        on_delete: cascade
    checks:
      orders_qty_check: qty >= 0
    indexes:
      - columns: [created_at DESC]
        where: active
      - name: orders_lower_symbol_idx
        columns: [{expr: lower(symbol)}]
        unique: true
)";

const sql::Dialect& sqlite_dialect() {
    const sql::Dialect* d = sql::find_dialect("sqlite");
    REQUIRE(d != nullptr);
    return *d;
}

Schema load_yaml(const std::string& yaml) {
    Schema s;
    Diagnostics d;
    load_yaml_text("s.yaml", yaml, s, d);
    analyze(s, sqlite_dialect().rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    return s;
}

// What diff finds between two models, one line per change ("" = the same).
std::string changes(const Schema& from, const Schema& to) {
    Diagnostics d;
    const auto list = diff::diff_schemas(from, to, sqlite_dialect().rules(), d);
    std::string s = render_text(d);
    if (!list.empty()) s += std::to_string(list.size()) + " change(s): " + dump(from) + "---\n" + dump(to);
    return s;
}

// The lines of `text`, sorted, without the marks of default names.
std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::erase(line, '*');
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

struct FileState {
    std::uintmax_t size = 0;
    fs::file_time_type mtime;
    std::string bytes;
    std::vector<std::string> entries;   // the directory: no journal, -wal or -shm left behind
    bool operator==(const FileState&) const = default;
};

FileState state(const std::string& path) {
    FileState s;
    s.size = fs::file_size(path);
    s.mtime = fs::last_write_time(path);
    std::ifstream in(path, std::ios::binary);
    s.bytes.assign(std::istreambuf_iterator<char>(in), {});
    for (const auto& e : fs::directory_iterator(fs::path(path).parent_path())) s.entries.push_back(e.path().filename().string());
    std::sort(s.entries.begin(), s.entries.end());
    return s;
}

}  // namespace

TEST_CASE("the SQL the planner writes reads back as the model it came from") {
    const Inspected got = inspect_sql(kPlannerSql);
    CHECK(got.model == kPlannerModel);
    CHECK(got.warnings == "");
}

TEST_CASE("a database created from YAML compares equal to that YAML") {
    Scratch scratch;
    const std::string path = scratch.create(kPlannerSql);
    Diagnostics d;
    sql::InspectedDatabase db = live().inspect("sqlite:" + path, {}, d);
    REQUIRE(d.all().empty());
    analyze(db.schema, sqlite_dialect().rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    Schema yaml = load_yaml(kPlannerYaml);
    live().normalize(yaml, db.schema, "sqlite:" + path, path, d);
    CHECK(d.all().empty());
    CHECK(changes(yaml, db.schema) == "");
    CHECK(changes(db.schema, yaml) == "");
    // Names aside (the YAML leaves most unnamed), field for field the same.
    auto unnamed = [](std::string s) {
        for (std::size_t at; (at = s.find("*")) != std::string::npos;) s.erase(at, 1);
        return s;
    };
    CHECK(unnamed(dump(yaml)) == unnamed(dump(db.schema)));
}

// A schema with every kind of default, key and index the SQLite dialect supports.
const char* const kRichYaml = R"yaml(
tables:
  accounts:
    columns:
      id: integer
      code: text
      region: text
      "order": integer?
    primary_key: [id]
    unique:
      - [code, region]
      - name: accounts_code_only
        columns: [code]
  entries:
    columns:
      account_id: integer
      seq: bigint
      amount: {type: 'numeric(12,2)', default: -0.50}
      rate: {type: double precision, default: 0.10}
      ratio: {type: real, default: 1e1}
      flag: {type: boolean, default: false}
      data: {type: bytea, default: '\xDEADBEEF', nullable: true}
      label: {type: text, default: "it's"}
      code: text?
      region: text?
      created_at: {type: integer, default: {sql: unixepoch()}}
      small: {type: smallint, default: +3}
      Mixed Case: {type: text, default: {sql: "'a' || 'b'"}}
    primary_key: [account_id, seq]
    foreign_keys:
      - columns: [account_id]
        references: accounts
        on_delete: cascade
        on_update: restrict
      - columns: [code, region]
        references: {table: accounts, columns: [code, region]}
        on_delete: set_null
    checks:
      entries_amount_check: amount <> 0
      entries_label_check: length(label) BETWEEN 1 AND 100
    indexes:
      - columns: [created_at DESC, seq]
      - columns: [{expr: lower(label)}, {expr: "amount * 2"}]
        unique: true
        where: flag AND amount > 0
      - name: Entries By Code
        columns: [code]
)yaml";

TEST_CASE("a database made by the sqlite dialect's own plan compares equal to its YAML") {
    for (const char* text : {kPlannerYaml, kRichYaml}) {
        Schema yaml = load_yaml(text);
        Diagnostics d;
        const sql::Plan plan = sql::plan_migration(sqlite_dialect(), Schema{}, yaml, d);
        REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
        std::string script;
        for (const auto& step : plan.steps)
            for (const auto& s : step.up) script += s + ";\n";
        CAPTURE(script);
        Scratch scratch;
        const std::string path = scratch.create(script);
        sql::InspectedDatabase db = live().inspect(path, {}, d);
        CHECK(diagnostics(d) == "");
        analyze(db.schema, sqlite_dialect().rules(), d);
        REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
        live().normalize(yaml, db.schema, path, path, d);
        CHECK(changes(yaml, db.schema) == "");
        CHECK(changes(db.schema, yaml) == "");
        // Field for field the same, whatever the order and whoever chose the names.
        CHECK(sorted_lines(dump(yaml)) == sorted_lines(dump(db.schema)));
    }
}

// The D1 project (schema/d1): its migrations, ADD COLUMN and a table rebuild
// among them, applied to a new file, read back as its YAML says.
TEST_CASE("the D1 project's migrations read back as its YAML, planning nothing either way") {
    const fs::path d1 = fs::path(SCHEMAC_SOURCE_DIR) / "schema" / "d1";
    std::vector<fs::path> ups;
    for (const auto& e : fs::directory_iterator(d1 / "migrations"))
        if (e.path().string().ends_with(".up.sql")) ups.push_back(e.path());
    std::sort(ups.begin(), ups.end());
    REQUIRE(ups.size() >= 2);
    std::string script;
    for (const auto& f : ups) {
        std::ifstream in(f);
        script.append(std::istreambuf_iterator<char>(in), {});
    }
    Scratch scratch;
    const std::string path = scratch.create(script);
    Diagnostics d;
    sql::InspectedDatabase db = live().inspect(path, {}, d);
    CHECK(diagnostics(d) == "");
    analyze(db.schema, sqlite_dialect().rules(), d);
    Diagnostics yaml_diags;
    Schema yaml = load_schema({(d1 / "tables").string()}, sqlite_dialect().rules(), yaml_diags);
    REQUIRE_MESSAGE(!yaml_diags.has_errors(), render_text(yaml_diags));
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    CHECK(db.schema.tables.size() == yaml.tables.size());
    live().normalize(yaml, db.schema, path, path, d);
    for (const auto& [from, to] : {std::pair(&yaml, &db.schema), std::pair(&db.schema, &yaml)}) {
        const sql::Plan plan = sql::plan_migration(sqlite_dialect(), *from, *to, d);
        std::string steps;
        for (const auto& step : plan.steps) steps += step.summary + "\n";
        CHECK(steps == "");
    }
    CHECK(!d.has_errors());
}

TEST_CASE("column types and nullability") {
    run({"types",
         "CREATE TABLE t (a INTEGER, b BIGINT NOT NULL, c SMALLINT, d REAL, e DOUBLE PRECISION, f NUMERIC(10,2), g TEXT, "
         "h BOOLEAN, i BLOB, j VARCHAR(20), k int, l Double, m numeric, n character varying ( 5 ), o bool)",
         R"(table main.t
  column a integer null
  column b bigint not null
  column c smallint null
  column d real null
  column e double precision null
  column f numeric(10,2) null
  column g text null
  column h boolean null
  column i bytea null
  column j varchar(20) null
  column k integer null
  column l double precision null
  column m numeric null
  column n varchar(5) null
  column o boolean null
)",
         ""});
    // A rowid table's PRIMARY KEY column allows NULL unless it says NOT NULL.
    // A rowid table's key column allows NULL unless it says NOT NULL, except
    // the rowid alias (exactly INTEGER PRIMARY KEY, not DESC), which never holds one.
    run({"primary key without NOT NULL",
         "CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (code TEXT PRIMARY KEY);"
         "CREATE TABLE c (x INTEGER, y INTEGER NOT NULL, PRIMARY KEY (x, y)); CREATE TABLE d (id INTEGER PRIMARY KEY DESC);"
         "CREATE TABLE e (id int PRIMARY KEY); CREATE TABLE f (id integer, PRIMARY KEY (id))",
         R"(table main.a
  column id integer not null
  primary key a_pkey* (id)
table main.b
  column code text not null
  primary key b_pkey* (code)
table main.c
  column x integer not null
  column y integer not null
  primary key c_pkey* (x, y)
table main.d
  column id integer not null
  primary key d_pkey* (id)
table main.e
  column id integer not null
  primary key e_pkey* (id)
table main.f
  column id integer not null
  primary key f_pkey* (id)
)",
         "warning not-represented: column b.code is in the primary key but allows NULL (SQLite's rule for a rowid table's key "
         "declared without NOT NULL), which cannot be represented; it is read as NOT NULL\n"
         "warning not-represented: column c.x is in the primary key but allows NULL (SQLite's rule for a rowid table's key "
         "declared without NOT NULL), which cannot be represented; it is read as NOT NULL\n"
         "warning not-represented: column d.id is in the primary key but allows NULL (SQLite's rule for a rowid table's key "
         "declared without NOT NULL), which cannot be represented; it is read as NOT NULL\n"
         "warning not-represented: column e.id is in the primary key but allows NULL (SQLite's rule for a rowid table's key "
         "declared without NOT NULL), which cannot be represented; it is read as NOT NULL\n"});
}

TEST_CASE("defaults in every form SQLite keeps them") {
    run({"defaults",
         "CREATE TABLE t ("
         " s TEXT DEFAULT 'it''s', e TEXT DEFAULT '', n INTEGER DEFAULT 42, neg INTEGER DEFAULT -7, d REAL DEFAULT 1.5,"
         " x REAL DEFAULT -1.5e3, y REAL DEFAULT 2E+10, z NUMERIC(10,2) DEFAULT .5,"
         " b1 BOOLEAN DEFAULT TRUE, b2 BOOLEAN DEFAULT false, b3 BOOLEAN DEFAULT 1, b4 BOOLEAN DEFAULT 0,"
         " nul TEXT DEFAULT NULL, blob BLOB DEFAULT X'0A0bFF', ts TEXT DEFAULT CURRENT_TIMESTAMP, ep INTEGER DEFAULT (unixepoch()),"
         " sum INTEGER DEFAULT ((1 + 2)), paren INTEGER DEFAULT (7), cat TEXT DEFAULT ('a' || 'b'),"
         " bad INTEGER DEFAULT 'abc', frac INTEGER DEFAULT 1.5, plus INTEGER DEFAULT +1, hex INTEGER DEFAULT 0x10,"
         " two BOOLEAN DEFAULT 2, t_on_int INTEGER DEFAULT TRUE, num_text TEXT DEFAULT 5)",
         R"(table main.t
  column s text null default value[it's]
  column e text null default value[]
  column n integer null default value[42]
  column neg integer null default value[-7]
  column d real null default value[1.5]
  column x real null default value[-1.5e3]
  column y real null default value[2E+10]
  column z numeric(10,2) null default value[.5]
  column b1 boolean null default value[true]
  column b2 boolean null default value[false]
  column b3 boolean null default value[true]
  column b4 boolean null default value[false]
  column nul text null default null
  column blob bytea null default value[\x0a0bff]
  column ts text null default sql[CURRENT_TIMESTAMP]
  column ep integer null default sql[unixepoch()]
  column sum integer null default sql[(1 + 2)]
  column paren integer null default value[7]
  column cat text null default sql['a' || 'b']
  column bad integer null default sql['abc']
  column frac integer null default sql[1.5]
  column plus integer null default sql[+1]
  column hex integer null default sql[0x10]
  column two boolean null default sql[2]
  column t_on_int integer null default sql[TRUE]
  column num_text text null default value[5]
)",
         ""});
}

TEST_CASE("constraint names: given in the text, else the default ones") {
    run({"named",
         "CREATE TABLE p (id INTEGER NOT NULL, code TEXT NOT NULL, CONSTRAINT p_key PRIMARY KEY (id), CONSTRAINT p_code UNIQUE (code));"
         "CREATE TABLE c (id INTEGER NOT NULL CONSTRAINT c_id_pk PRIMARY KEY, p_id INTEGER CONSTRAINT to_p REFERENCES p (id),"
         " code TEXT CONSTRAINT c_code_uq UNIQUE CONSTRAINT code_len CHECK (length(code) < 5),"
         " CONSTRAINT c_fk_code FOREIGN KEY (code) REFERENCES p (code), CONSTRAINT positive CHECK (id > 0))",
         R"(table main.c
  column id integer not null
  column p_id integer null
  column code text null
  primary key c_id_pk (id)
  unique c_code_uq (code)
  foreign key to_p (p_id) references main.p (id) on delete no action on update no action
  foreign key c_fk_code (code) references main.p (code) on delete no action on update no action
  check code_len: length(code) < 5
  check positive: id > 0
table main.p
  column id integer not null
  column code text not null
  primary key p_key (id)
  unique p_code (code)
)",
         ""});
    run({"unnamed",
         "CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE);"
         "CREATE TABLE c (id INTEGER NOT NULL, p_id INTEGER REFERENCES p, code TEXT UNIQUE CHECK (length(code) < 5),"
         " a INTEGER, b INTEGER, CHECK (a < b), CHECK (a > 0), CHECK (a > 1), UNIQUE (a, b), PRIMARY KEY (id),"
         " FOREIGN KEY (code) REFERENCES p (code))",
         R"(table main.c
  column id integer not null
  column p_id integer null
  column code text null
  column a integer null
  column b integer null
  primary key c_pkey* (id)
  unique c_code_key* (code)
  unique c_a_b_key* (a, b)
  foreign key c_p_id_fkey* (p_id) references main.p () on delete no action on update no action
  foreign key c_code_fkey* (code) references main.p (code) on delete no action on update no action
  check c_code_check: length(code) < 5
  check c_check: a < b
  check c_a_check: a > 0
  check c_a_check1: a > 1
table main.p
  column id integer not null
  column code text null
  primary key p_pkey* (id)
  unique p_code_key* (code)
)",
         ""});
}

TEST_CASE("composite keys keep their column order") {
    run({"composite",
         "CREATE TABLE a (x INTEGER NOT NULL, y TEXT NOT NULL, z INTEGER, PRIMARY KEY (y, x), UNIQUE (z, y));"
         "CREATE TABLE b (i INTEGER, j TEXT, k INTEGER, l TEXT,"
         " CONSTRAINT to_pk FOREIGN KEY (j, i) REFERENCES a (y, x), FOREIGN KEY (k, l) REFERENCES a (z, y))",
         R"(table main.a
  column x integer not null
  column y text not null
  column z integer null
  primary key a_pkey* (y, x)
  unique a_z_y_key* (z, y)
table main.b
  column i integer null
  column j text null
  column k integer null
  column l text null
  foreign key to_pk (j, i) references main.a (y, x) on delete no action on update no action
  foreign key b_k_l_fkey* (k, l) references main.a (z, y) on delete no action on update no action
)",
         ""});
}

TEST_CASE("foreign key actions") {
    run({"actions",
         "CREATE TABLE p (id INTEGER PRIMARY KEY);"
         "CREATE TABLE c (a INTEGER REFERENCES p (id) ON DELETE CASCADE ON UPDATE RESTRICT,"
         " b INTEGER REFERENCES p (id) ON DELETE SET NULL ON UPDATE SET DEFAULT,"
         " d INTEGER REFERENCES p (id) ON UPDATE NO ACTION ON DELETE RESTRICT,"
         " e INTEGER REFERENCES P(ID) MATCH SIMPLE)",
         R"(table main.c
  column a integer null
  column b integer null
  column d integer null
  column e integer null
  foreign key c_a_fkey* (a) references main.p (id) on delete cascade on update restrict
  foreign key c_b_fkey* (b) references main.p (id) on delete set null on update set default
  foreign key c_d_fkey* (d) references main.p (id) on delete restrict on update no action
  foreign key c_e_fkey* (e) references main.p (id) on delete no action on update no action
table main.p
  column id integer not null
  primary key p_pkey* (id)
)",
         ""});   // SQLite ignores MATCH, and pragma_foreign_key_list reports NONE
}

TEST_CASE("indexes: columns, DESC, expressions, partial, unique") {
    run({"indexes",
         "CREATE TABLE t (a INTEGER, b TEXT, c REAL);"
         "CREATE INDEX t_a_idx ON t (a);"
         "CREATE INDEX t_multi ON t (b DESC, a ASC, c);"
         "CREATE UNIQUE INDEX t_expr ON t (lower(b), (a + 1) DESC, a * 2);"
         "CREATE INDEX IF NOT EXISTS main.t_partial ON t (a) WHERE b IS NOT NULL AND c > 0 -- trailing comment\n;"
         "CREATE INDEX \"T Weird\" ON \"t\" ([b]) /* c */ WHERE (a > 1);",
         R"(table main.t
  column a integer null
  column b text null
  column c real null
  index T Weird btree (b) where (a > 1)
  index t_a_idx btree (a)
  unique index t_expr btree (expr[lower(b)], expr[a + 1] desc, expr[a * 2])
  index t_multi btree (b desc, a, c)
  index t_partial btree (a) where b IS NOT NULL AND c > 0
)",
         ""});
}

TEST_CASE("ALTER TABLE rewrites the text: RENAME TO, RENAME COLUMN, ADD COLUMN, DROP COLUMN") {
    const char* const created =
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE orders (id INTEGER NOT NULL, qty REAL NOT NULL DEFAULT 0, p_id INTEGER, gone TEXT,"
        " CONSTRAINT orders_pkey PRIMARY KEY (id), CONSTRAINT orders_qty_check CHECK (qty >= 0),"
        " CONSTRAINT orders_p_fkey FOREIGN KEY (p_id) REFERENCES p (id));"
        "CREATE INDEX orders_qty_idx ON orders (qty DESC, (qty * 2)) WHERE qty > 1;";
    const char* const altered =
        "ALTER TABLE orders RENAME TO trades;"
        "ALTER TABLE trades RENAME COLUMN qty TO \"amount\";"
        "ALTER TABLE p RENAME TO parents;"
        "ALTER TABLE trades ADD COLUMN note TEXT DEFAULT 'n' CONSTRAINT note_len CHECK (length(note) < 10);"
        "ALTER TABLE trades ADD COLUMN \"Mixed\" INTEGER REFERENCES parents;"
        "ALTER TABLE trades DROP COLUMN gone;";
    Scratch scratch;
    const std::string path = scratch.create(std::string(created) + altered);
    const Inspected got = inspect(path);
    CHECK(got.model == R"(table main.parents
  column id integer not null
  primary key parents_pkey* (id)
table main.trades
  column id integer not null
  column amount real not null default value[0]
  column p_id integer null
  column note text null default value[n]
  column Mixed integer null
  primary key orders_pkey (id)
  foreign key trades_Mixed_fkey* (Mixed) references main.parents () on delete no action on update no action
  foreign key orders_p_fkey (p_id) references main.parents (id) on delete no action on update no action
  check note_len: length(note) < 10
  check orders_qty_check: "amount" >= 0
  index orders_qty_idx btree (amount desc, expr["amount" * 2]) where "amount" > 1
)");
    CHECK(got.warnings == "");

    // The same schema created fresh compares equal once both are normalised.
    const std::string fresh = scratch.create(
        "CREATE TABLE parents (id INTEGER PRIMARY KEY);"
        "CREATE TABLE trades (id INTEGER NOT NULL, amount REAL NOT NULL DEFAULT 0, p_id INTEGER, note TEXT DEFAULT 'n',"
        " \"Mixed\" INTEGER, CONSTRAINT orders_pkey PRIMARY KEY (id), CONSTRAINT orders_qty_check CHECK (amount >= 0),"
        " CONSTRAINT orders_p_fkey FOREIGN KEY (p_id) REFERENCES parents (id), CONSTRAINT note_len CHECK (length(note) < 10),"
        " CONSTRAINT \"trades_Mixed_fkey\" FOREIGN KEY (\"Mixed\") REFERENCES parents (id));"
        "CREATE INDEX orders_qty_idx ON trades (amount DESC, (amount * 2)) WHERE amount > 1;",
        "fresh.db");
    Schema a = got.schema, b = inspect(fresh).schema;
    Diagnostics d;
    live().normalize(a, b, path, path, d);
    CHECK(d.all().empty());
    for (Schema* s : {&a, &b}) analyze(*s, sqlite_dialect().rules(), d);
    REQUIRE_MESSAGE(!d.has_errors(), render_text(d));
    CHECK(changes(a, b) == "");
    CHECK(dump(a) == R"(table main.parents
  column id integer not null
  primary key parents_pkey* (id)
table main.trades
  column id integer not null
  column amount real not null default value[0]
  column p_id integer null
  column note text null default value[n]
  column Mixed integer null
  primary key orders_pkey (id)
  foreign key trades_Mixed_fkey* (Mixed) references main.parents (id) on delete no action on update no action
  foreign key orders_p_fkey (p_id) references main.parents (id) on delete no action on update no action
  check note_len: length(note) < 10
  check orders_qty_check: amount >= 0
  index orders_qty_idx btree (amount desc, expr[amount * 2]) where amount > 1
)");
}

TEST_CASE("quoted, keyword and odd identifiers") {
    run({"identifiers",
         "CREATE TABLE \"Order Items\" (\"select\" INTEGER NOT NULL, [from] TEXT, `we\"ird` TEXT, \"\xc3\xa9t\xc3\xa9\" INTEGER,"
         " 'str' TEXT, \"a\"\"b\" INTEGER,"
         " CONSTRAINT \"PK Items\" PRIMARY KEY (\"select\"), UNIQUE ([from], `we\"ird`),"
         " CONSTRAINT [ck] CHECK (\"select\" > 0 AND [from] <> 'x'));"
         "CREATE INDEX \"Order Items_idx\" ON \"Order Items\" (\"a\"\"b\" DESC, upper([from]))",
         R"(table main.Order Items
  column select integer not null
  column from text null
  column we"ird text null
  column été integer null
  column str text null
  column a"b integer null
  primary key PK Items (select)
  unique Order Items_from_we"ird_key* (from, we"ird)
  check ck: "select" > 0 AND [from] <> 'x'
  index Order Items_idx btree (a"b desc, expr[upper([from])])
)",
         ""});
}

TEST_CASE("what the model cannot represent is a warning naming it") {
    run({"unrepresentable",
         "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, untyped, odd FOO, spaced weird type(3), arr INT[],"
         " g INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL, s TEXT AS (upper(odd)) STORED, n TEXT COLLATE NOCASE);"
         "CREATE TABLE w (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
         "CREATE TABLE st (k INTEGER, v TEXT) STRICT;"
         "CREATE INDEX st_v ON st (v COLLATE NOCASE);"
         "CREATE TABLE f (a INTEGER REFERENCES nowhere (id), b INTEGER, CONSTRAINT later FOREIGN KEY (b) REFERENCES t (id)"
         " DEFERRABLE INITIALLY DEFERRED);"
         "CREATE VIEW v AS SELECT id FROM t;"
         "CREATE TRIGGER trg AFTER INSERT ON t BEGIN SELECT 1; END;"
         "CREATE VIRTUAL TABLE docs USING fts5(body);",
         R"(table main.f
  column a integer null
  column b integer null
  foreign key later (b) references main.t (id) on delete no action on update no action
table main.st strict
  column k integer null
  column v text null
  index st_v btree (v)
table main.t
  column id integer not null autoincrement
  column untyped text null
  column odd text null
  column spaced text null
  column arr text null
  column g integer null
  column s text null generated (upper(odd))
  column n text null collate NOCASE
  primary key t_pkey* (id)
table main.w without rowid
  column k text not null
  column v text null
  primary key w_pkey* (k)
)",
         "warning unsupported-object: virtual table docs (USING fts5) and its shadow tables cannot be represented yet: left out "
         "of the model, and plans never create, change or drop it\n"
         "warning unsupported-object: trigger trg on table t cannot be represented yet: left out of the model, and plans never "
         "create, change or drop it\n"
         "warning unsupported-object: view v cannot be represented yet: left out of the model, and plans never create, change or "
         "drop it\n"
         "warning fk-outside-inspection: foreign key of table f (a) references nowhere, which is not read (missing, excluded or "
         "virtual): it is left out of the model\n"
         "warning not-represented: foreign key later of table f (b) is DEFERRABLE INITIALLY DEFERRED, which cannot be "
         "represented yet; it is read as an immediate foreign key\n"
         "warning not-represented: index st_v on table st uses collation NOCASE for v, which cannot be represented yet; it is "
         "not compared\n"
         "warning unsupported-feature: column t.untyped has no declared type, which cannot be represented in the schema "
         "language; it is read as text\n"
         "warning unsupported-feature: column t.odd has declared type 'FOO' (no type of the schema language is named so), "
         "which cannot be represented in the schema language; it is read as text\n"
         "warning unsupported-feature: column t.spaced has declared type 'weird type(3)' (unknown type 'weird type'), which "
         "cannot be represented in the schema language; it is read as text\n"
         "warning unsupported-feature: column t.arr has declared type 'INT[]' (SQLite has no array types), which cannot be "
         "represented in the schema language; it is read as text\n"
         "warning unsupported-feature: column t.g is a generated column (GENERATED ALWAYS AS (id * 2) VIRTUAL), which the "
         "schema language has only as STORED; it is read as a plain column\n"
         ""});
}

TEST_CASE("SQLite's own tables, excluded tables and the one schema") {
    Scratch scratch;
    const std::string path = scratch.create(
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);"   // makes sqlite_sequence
        "INSERT INTO t DEFAULT VALUES;"
        "CREATE TABLE schemac_migrations (version TEXT);"
        "CREATE TABLE schemac_migrations_audit (version TEXT);"
        "CREATE INDEX t_id ON t (id); ANALYZE;");   // makes sqlite_stat1
    sql::InspectOptions options;
    options.exclude_tables = {"main.schemac_migrations", "public.schemac_migrations_audit"};
    Inspected got = inspect("sqlite://" + path, options);
    CHECK(got.model == "table main.t\n  column id integer not null autoincrement\n  primary key t_pkey* (id)\n  index t_id btree (id)\n");

    options.schemas = {"main"};
    got = inspect(path, options);
    CHECK(got.model == "table main.t\n  column id integer not null autoincrement\n  primary key t_pkey* (id)\n  index t_id btree (id)\n");

    options.schemas = {"main", "public"};
    Diagnostics d;
    live().inspect(path, options, d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.all().front().code == "no-such-schema");
    CHECK(d.all().front().message == "--schema public: a SQLite database has the one schema main");
}

TEST_CASE("the conninfo forms that name a SQLite file") {
    Scratch scratch;
    const std::string expected = "table main.t\n  column id integer null\n";
    const std::string path = scratch.create("CREATE TABLE t (id INTEGER)", "x y.sqlite3");
    const std::string relative = fs::relative(path).string();
    for (const std::string& conninfo : {"sqlite://" + path, "sqlite:" + path, "sqlite:" + relative, "sqlite://" + relative, "sqlite3:" + relative, path, relative,
                                        "file:" + path, "file://" + path, "file://localhost" + path + "?cache=private"}) {
        CAPTURE(conninfo);
        Diagnostics d;
        const sql::InspectedDatabase db = live().inspect(conninfo, {}, d);
        CHECK(dump(db.schema) == expected);
        CHECK(d.all().empty());
        CHECK(db.name == (conninfo.find(relative) == std::string::npos ? path : relative));
    }
    // A path with '%', '#' and '?': as it is when bare, %-escaped in URLs and URIs.
    const std::string odd = scratch.create("CREATE TABLE t (id INTEGER)", "p%q #?.db");
    const std::string escaped = scratch.path("").string() + "p%25q%20%23%3F.db";
    for (const std::string& conninfo : {odd, "sqlite:" + escaped, "sqlite://" + escaped, "file:" + escaped, "file://" + escaped}) {
        CAPTURE(conninfo);
        Diagnostics d;
        const sql::InspectedDatabase db = live().inspect(conninfo, {}, d);
        CHECK(db.name == odd);
        CHECK(dump(db.schema) == expected);
    }
    Diagnostics d;
    CHECK(live().inspect(scratch.create("CREATE TABLE t (id INTEGER)", "plain.SQLITE"), {}, d).schema.tables.size() == 1);
    CHECK(live().inspect(scratch.create("CREATE TABLE t (id INTEGER)", "plain.db"), {}, d).schema.tables.size() == 1);
}

TEST_CASE("a conninfo that names no SQLite file, a missing file and a file that is no database are errors") {
    Scratch scratch;
    Diagnostics d;
    auto fails = [&](const std::string& conninfo) -> std::pair<RunnerErrorKind, std::string> {
        try {
            live().inspect(conninfo, {}, d);
        } catch (const RunnerError& e) {
            return {e.kind, e.what()};
        }
        FAIL("no error for " << conninfo);
        return {};
    };
    // Not echoed: a PostgreSQL URL may hold a password.
    CHECK(fails("postgres://user:secret@localhost/db") ==
          std::pair(RunnerErrorKind::invalid_conninfo,
                    std::string("the connection string names no SQLite database: write sqlite:///ABSOLUTE/PATH, "
                                "sqlite:RELATIVE/PATH, a file: URI or a path ending in .db, .sqlite or .sqlite3")));
    CHECK(fails("app.yaml").first == RunnerErrorKind::invalid_conninfo);
    // Malformed SQLite conninfos: the runtime's reader says why.
    for (const std::string conninfo : {"sqlite:", "file://example.com/x.db", "file:x%zz.db", "sqlite:x.db?bogus=1"}) {
        CAPTURE(conninfo);
        const auto [kind, message] = fails(conninfo);
        CHECK(kind == RunnerErrorKind::invalid_conninfo);
        CHECK(message.starts_with("cannot use SQLite database " + conninfo + ": "));
    }
    const std::string missing = scratch.path("missing.db").string();
    CHECK(fails("sqlite:" + missing) ==
          std::pair(RunnerErrorKind::connection, "SQLite database " + missing + " does not exist (it is opened read-only and never created)"));
    CHECK(!fs::exists(missing));
    CHECK(fails(scratch.path("").string() + "dir.db").first == RunnerErrorKind::connection);
    fs::create_directories(scratch.path("dir.db"));
    CHECK(fails(scratch.path("dir.db").string()) ==
          std::pair(RunnerErrorKind::connection, "SQLite database " + scratch.path("dir.db").string() + " is a directory, not a database file"));

    const std::string text = scratch.path("notes.db").string();
    std::ofstream(text) << "these are not the bytes of a SQLite database, but long enough to be read as a header ...........";
    const auto [kind, message] = fails(text);
    CHECK(kind == RunnerErrorKind::connection);
    CHECK(message.starts_with("cannot read SQLite database " + text + " ("));
    CHECK(message.ends_with("file is not a database"));
    // A URI that asks for more than reading is refused, not obeyed.
    const std::string db = scratch.create("CREATE TABLE t (id INTEGER)");
    CHECK(fails("file:" + db + "?mode=rwc").first == RunnerErrorKind::connection);
}

TEST_CASE("inspection never writes: the file, its directory and a WAL database stay as they were") {
    Scratch scratch;
    const std::string path = scratch.create(kPlannerSql);
    const FileState before = state(path);
    for (int i = 0; i < 2; ++i) (void)inspect(path);
    CHECK(state(path) == before);

    // A file the user cannot write is read all the same.
    ::chmod(path.c_str(), 0444);
    CHECK(inspect("sqlite:" + path).model == kPlannerModel);
    CHECK(state(path) == before);

    // WAL mode: the -wal and -shm files the writer keeps are left as they are.
    const std::string wal = scratch.create("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER);", "wal.db");
    sqlite3* writer = nullptr;
    REQUIRE(sqlite3_open(wal.c_str(), &writer) == SQLITE_OK);
    REQUIRE(sqlite3_exec(writer, "CREATE TABLE u (id INTEGER)", nullptr, nullptr, nullptr) == SQLITE_OK);
    const FileState wal_before = state(wal);
    CHECK(inspect(wal).model == "table main.t\n  column id integer null\ntable main.u\n  column id integer null\n");
    CHECK(state(wal) == wal_before);
    sqlite3_close(writer);

    // WAL mode with no writer: the database file stays as it was. (SQLite
    // itself gives any reader of such a file its empty -wal and -shm files.)
    const std::string idle = scratch.create("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER);", "idle.db");
    const FileState idle_before = state(idle);
    CHECK(inspect(idle).model == "table main.t\n  column id integer null\n");
    const FileState idle_after = state(idle);
    CHECK(idle_after.bytes == idle_before.bytes);
    CHECK(idle_after.mtime == idle_before.mtime);
}

TEST_CASE("normalize: literals, DEFAULT NULL, floats, quoting and implied referenced columns") {
    Schema s = load_yaml(R"yaml(
tables:
  p:
    columns:
      id: integer
    primary_key: [id]
  t:
    columns:
      a: {type: integer, default: {sql: "42"}}
      b: {type: text, default: {sql: "'x'"}}
      c: {type: text, default: {sql: " CURRENT_TIMESTAMP "}}
      d: {type: real, default: 0.10}
      e: {type: double precision, default: 1e1}
      f: {type: boolean, default: {sql: "TRUE"}}
      g: {type: integer, default: {sql: "((1 + 2))"}}
      h: {type: boolean, default: 1}
      i: {type: bytea, default: '\X0A0B'}
      j: {type: integer, default: +5}
      p_id: {type: integer, references: p}
    checks:
      t_a_check: (("a" > 0) AND "Up" > 1)
    indexes:
      - columns: [{expr: (lower("b"))}]
        where: ("a" > 0)
)yaml");
    sql::sqlite::normalize_model(s);
    CHECK(dump(s) == R"(table main.p
  column id integer not null
  primary key p_pkey* (id)
table main.t
  column a integer not null default value[42]
  column b text not null default value[x]
  column c text not null default sql[CURRENT_TIMESTAMP]
  column d real not null default value[0.1]
  column e double precision not null default value[10]
  column f boolean not null default value[true]
  column g integer not null default sql[1 + 2]
  column h boolean not null default value[true]
  column i bytea not null default value[\x0a0b]
  column j integer not null default value[5]
  column p_id integer not null
  foreign key t_p_id_fkey* (p_id) references main.p (id) on delete no action on update no action
  check t_a_check: (a > 0) AND "Up" > 1
  index t_expr_idx* btree (expr[lower(b)]) where a > 0
)");
    Schema nulls;
    nulls.tables.push_back(Table{});
    nulls.tables[0].name = {"main", "n"};
    Column c;
    c.name = "x";
    c.default_value = Value{Value::Kind::Null, "", {}, {}};
    nulls.tables[0].columns.push_back(c);
    sql::sqlite::normalize_model(nulls);
    CHECK(!nulls.tables[0].columns[0].default_value);
    // A keyword stays quoted, and so does a name that is no column or table.
    CHECK(sql::sqlite::normal_expression("\"select\" > 0 AND \"x\" = \"y\"", {"select", "x"}, {}) == "\"select\" > 0 AND x = \"y\"");
}

TEST_CASE("the tokenizer reads SQLite's lexical forms") {
    using sql::sqlite::TokenKind;
    const std::string text = "a \"b\"\"c\" [d e] `f``g` 'h''i' x'0A' X'' 1.5e-3 .5 0x1F -- comment\n /* block */ <= || ->> ( )";
    const auto t = sql::sqlite::tokenize(text);
    std::string got;
    for (const auto& tok : t) got += std::to_string(static_cast<int>(tok.kind)) + ":" + tok.text + "|";
    CHECK(got == "0:a|1:b\"c|1:d e|1:f`g|2:h'i|3:0A|3:|4:1.5e-3|4:.5|4:0x1F|5:<=|5:|||5:->>|5:(|5:)|");
    CHECK(sql::sqlite::slice(text, t, 1, 3) == "\"b\"\"c\" [d e]");
    CHECK(sql::sqlite::strip_enclosing_parens("  ((a) + (b))  ") == "(a) + (b)");
    CHECK(sql::sqlite::strip_enclosing_parens("(a) + (b)") == "(a) + (b)");
    CHECK(sql::sqlite::strip_enclosing_parens("( ( 'x)' ) )") == "'x)'");
    // An unterminated quote or comment runs to the end.
    CHECK(sql::sqlite::tokenize("'abc").back().text == "abc");
    CHECK(sql::sqlite::tokenize("a /* b").size() == 1);

    const auto table = sql::sqlite::parse_create_table(
        "CREATE TEMP TABLE IF NOT EXISTS main.\"T\" (a INT CONSTRAINT x NOT NULL ON CONFLICT IGNORE DEFAULT (-1) COLLATE nocase,"
        " b TEXT UNIQUE ON CONFLICT REPLACE, UNIQUE (a) CHECK (a > 0) PRIMARY KEY (b DESC), c)");
    CHECK(table.parsed);
    CHECK(table.name == "T");
    REQUIRE(table.columns.size() == 3);
    CHECK(table.columns[0].collation == "nocase");
    CHECK(table.columns[0].on_conflict == "IGNORE");
    CHECK(table.columns[2].name == "c");
    REQUIRE(table.uniques.size() == 2);
    CHECK(table.uniques[0].on_conflict == "REPLACE");
    CHECK(table.uniques[1].columns == std::vector<std::string>{"a"});
    REQUIRE(table.primary_key);
    CHECK(table.primary_key->desc);
    REQUIRE(table.checks.size() == 1);
    CHECK(table.checks[0].expr == "a > 0");
    CHECK(sql::sqlite::parse_create_table("CREATE TABLE t AS SELECT 1").as_select);
    CHECK(!sql::sqlite::parse_create_table("CREATE TABLE t AS SELECT 1").parsed);
    CHECK(sql::sqlite::parse_create_table("CREATE VIRTUAL TABLE v USING fts5(x)").virtual_table);

    // Any cut of a statement reads without harm (what SQLite keeps is whole,
    // but the reader must not trust it).
    const std::string create = std::string(kPlannerSql) +
                               "CREATE TABLE x (a INT CONSTRAINT c NOT NULL ON CONFLICT FAIL GENERATED ALWAYS AS (1) STORED"
                               " REFERENCES y (b) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED COLLATE nocase,"
                               " UNIQUE (a DESC AUTOINCREMENT) ON CONFLICT ABORT) WITHOUT ROWID, STRICT";
    for (std::size_t n = 0; n <= create.size(); ++n) {
        const std::string cut = create.substr(0, n);
        (void)sql::sqlite::parse_create_table(cut);
        (void)sql::sqlite::parse_create_index(cut);
        (void)sql::sqlite::parse_create_index(cut.substr(cut.rfind("CREATE") == std::string::npos ? 0 : cut.rfind("CREATE")));
        (void)sql::sqlite::normal_expression(cut, {"a", "qty"}, {"orders"});
    }
    const auto x = sql::sqlite::parse_create_table(create.substr(create.rfind("CREATE TABLE x")));
    REQUIRE(x.columns.size() == 1);
    CHECK(x.columns[0].stored);
    CHECK(x.columns[0].generated == "1");
    CHECK(x.columns[0].collation == "nocase");
    REQUIRE(x.foreign_keys.size() == 1);
    CHECK(x.foreign_keys[0].initially_deferred);
    CHECK(x.foreign_keys[0].ref_columns == std::vector<std::string>{"b"});
    REQUIRE(x.uniques.size() == 1);
    CHECK(x.uniques[0].autoincrement);
    CHECK(x.without_rowid);
    CHECK(x.strict);
}
