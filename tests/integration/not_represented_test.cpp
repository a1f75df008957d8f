// What a PostgreSQL 15 catalog can hold that the schema model cannot (storage
// parameters of key indexes, a table's toast.* and user_catalog_table, storage and compression of columns,
// statistics targets, sequence options, row level security, replica identity, CLUSTER ON, GRANTs on
// tables, columns, sequences and schemas) is never
// dropped in silence: `schemac inspect`, `schemac verify` and `schemac plan
// --from DATABASE` each print one warning naming the object and the setting,
// and verify does not call the database a plain match.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "scratch_db.hpp"

using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::Workdir;
using schemac::test::write_text;
namespace fs = std::filesystem;

namespace {

bool has_line_ending(const std::string& text, const std::string& tail) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        if (line.size() >= tail.size() && line.compare(line.size() - tail.size(), tail.size(), tail) == 0) return true;
        start = end + 1;
    }
    return false;
}

const char* kSchema = R"(schema: public
tables:
  t:
    columns:
      id: serial
      code: {type: integer, identity: by_default}
      name: text
      note: text?
    primary_key: [id]
    indexes:
      - name: t_idx
        columns: [name]
)";

// Each setting made by hand, and the warning it must give.
const std::vector<std::pair<const char*, const char*>> kCases = {
    {"ALTER INDEX t_pkey SET (fillfactor = 90)",
     "warning: primary key t_pkey of table public.t has storage parameters (fillfactor=90) that schemac cannot represent; "
     "they are not compared"},
    {"ALTER TABLE t SET (user_catalog_table = true, toast.autovacuum_enabled = false)",
     "warning: table public.t has storage parameters (user_catalog_table=true, toast.autovacuum_enabled=false) "
     "that schemac cannot represent; they are not compared"},
    {"ALTER TABLE t ALTER COLUMN note SET STORAGE external",
     "warning: column public.t.note has STORAGE external, which schemac cannot represent; it is not compared"},
    {"ALTER TABLE t ALTER COLUMN note SET COMPRESSION pglz",
     "warning: column public.t.note has COMPRESSION pglz, which schemac cannot represent; it is not compared"},
    {"ALTER TABLE t ALTER COLUMN name SET STATISTICS 500",
     "warning: column public.t.name has STATISTICS 500, which schemac cannot represent; it is not compared"},
    {"ALTER TABLE t ALTER COLUMN name SET (n_distinct = 100)",
     "warning: column public.t.name has attribute options (n_distinct=100) that schemac cannot represent; they are not compared"},
    {"ALTER SEQUENCE t_id_seq CACHE 20 START 100",
     "warning: column public.t.id takes its values from a sequence with options (START 100 CACHE 20) that schemac cannot "
     "represent; they are not compared"},
    {"ALTER TABLE t ALTER COLUMN code SET INCREMENT BY 5",
     "warning: column public.t.code takes its values from a sequence with options (INCREMENT 5) that schemac cannot "
     "represent; they are not compared"},
    {"ALTER TABLE t FORCE ROW LEVEL SECURITY",
     "warning: table public.t has ROW LEVEL SECURITY forced but not enabled, which schemac cannot represent; it is not compared"},
    {"ALTER TABLE t REPLICA IDENTITY FULL",
     "warning: table public.t has REPLICA IDENTITY FULL, which schemac cannot represent; it is not compared"},
    {"GRANT SELECT, UPDATE ON t TO PUBLIC",
     "warning: table public.t has privileges granted to other roles (PUBLIC: SELECT, UPDATE) that schemac cannot represent; "
     "they are not compared"},
    {"GRANT UPDATE (note) ON t TO PUBLIC",
     "warning: column public.t.note has privileges granted to other roles (PUBLIC: UPDATE) that schemac cannot represent; "
     "they are not compared"},
    {"GRANT USAGE ON SEQUENCE t_id_seq TO PUBLIC",
     "warning: column public.t.id takes its values from a sequence that has privileges granted to other roles (PUBLIC: USAGE) "
     "that schemac cannot represent; they are not compared"},
    {"GRANT CREATE ON SCHEMA public TO PUBLIC",
     "warning: schema public has privileges granted to other roles (PUBLIC: CREATE, USAGE) that schemac cannot represent; "
     "they are not compared"},
    {"ALTER TABLE t CLUSTER ON t_idx",
     "warning: index public.t_idx on table public.t is the index the table is CLUSTERed on, which schemac cannot "
     "represent; it is not compared"},
};

}  // namespace

// A schema (kSchema unless given) as a project whose one migration is applied to a scratch database.
struct Migrated {
    ScratchDb db;
    Workdir w{"schemac-notrep"};
    fs::path schema = w.root() / "schema";
    std::string dir = (w.root() / "migrations").string();
    explicit Migrated(const char* yaml = kSchema) {
        fs::create_directories(schema);
        write_text(schema / "t.yaml", yaml);
        const schemac::test::Env env{{"SCHEMAC_DATE", "2026-01-01"}};
        const Outcome diff = w.run({"diff", "-m", "init", "--dir", dir, schema.string()}, env);
        REQUIRE_MESSAGE(diff.code == 0, diff.err);
        const Outcome apply = w.run({"apply", "--db", db.conninfo(), "--dir", dir});
        REQUIRE_MESSAGE(apply.code == 0, apply.err);
    }
};

TEST_CASE("not represented: inspect, verify and plan --from DATABASE warn about every setting they cannot compare") {
    Migrated m;
    ScratchDb& db = m.db;
    Workdir& w = m.w;
    const fs::path& schema = m.schema;
    const std::string& dir = m.dir;
    const Outcome clean = w.run({"verify", "--db", db.conninfo(), "--dir", dir});
    CHECK_MESSAGE(clean.code == 0, (clean.out + clean.err));
    CHECK(clean.out.starts_with("schemac: no drift: "));
    CHECK(clean.err.find("warning") == std::string::npos);

    for (const auto& c : kCases) {
        pqxx::nontransaction tx{db.conn()};
        tx.exec(c.first);
    }

    const Outcome inspect = w.run({"inspect", "--db", db.conninfo()});
    CHECK_MESSAGE(inspect.code == 0, inspect.err);
    const Outcome verify = w.run({"verify", "--db", db.conninfo(), "--dir", dir});
    CHECK_MESSAGE(verify.code == 0, (verify.out + verify.err));
    const Outcome plan = w.run({"plan", "--from", db.conninfo(), "--to", schema.string()});
    CHECK_MESSAGE(plan.code == 0, plan.err);
    CHECK_MESSAGE(plan.out.empty(), plan.out);   // nothing the model sees differs
    for (const Outcome* o : {&inspect, &verify, &plan}) {
        std::size_t warnings = 0;
        for (std::size_t at = o->err.find(": warning: "); at != std::string::npos; at = o->err.find(": warning: ", at + 1)) ++warnings;
        CHECK_MESSAGE(warnings == kCases.size(), o->err);
        for (const auto& c : kCases) CHECK_MESSAGE(has_line_ending(o->err, c.second), (std::string(c.first) + "\n" + o->err));
    }
    CHECK_MESSAGE(verify.out.starts_with("schemac: no drift in what schemac compares: "), verify.out);
    CHECK_MESSAGE(has_line_ending(verify.out, ", except for " + std::to_string(kCases.size()) +
                                                  " things schemac cannot represent and did not compare (the warnings above)"),
                  verify.out);
    // With drift as well, the drift is listed and so is what was not compared.
    {
        pqxx::nontransaction tx{db.conn()};
        tx.exec("CREATE INDEX by_hand ON t (note)");
    }
    const Outcome drift = w.run({"verify", "--db", db.conninfo(), "--dir", dir});
    CHECK(drift.code == 3);
    CHECK_MESSAGE(drift.out.find("\n+ index by_hand on t\n") != std::string::npos, drift.out);
    CHECK_MESSAGE(has_line_ending(drift.out, "not compared: " + std::to_string(kCases.size()) +
                                                 " things schemac cannot represent (the warnings above)"),
                  drift.out);
    {
        pqxx::nontransaction tx{db.conn()};
        tx.exec("DROP INDEX by_hand");
    }
    const Outcome json = w.run({"verify", "--db", db.conninfo(), "--dir", dir, "--json"});
    CHECK(json.code == 0);
    CHECK_MESSAGE(json.out.find("\"drift\":false,\"differences\":[],\"not_compared\":[\"") != std::string::npos, json.out);
    CHECK_MESSAGE(json.out.find("\"primary key t_pkey of table public.t has storage parameters (fillfactor=90) that schemac cannot "
                                "represent; they are not compared\"") != std::string::npos,
                  json.out);
}

TEST_CASE("not represented: an index's storage parameters are compared, so one set by hand is drift that the plan undoes") {
    Migrated m;
    ScratchDb& db = m.db;
    Workdir& w = m.w;
    const std::string& dir = m.dir;
    {
        pqxx::nontransaction tx{db.conn()};
        tx.exec("ALTER INDEX t_idx SET (fillfactor = 70)");
    }
    const Outcome verify = w.run({"verify", "--db", db.conninfo(), "--dir", dir});
    CHECK(verify.code == 3);
    CHECK_MESSAGE(verify.out.find("\n- index t_idx on t\n+ index t_idx on t\n") != std::string::npos, verify.out);
    CHECK(verify.err.find("warning") == std::string::npos);
    const Outcome plan = w.run({"plan", "--from", db.conninfo(), "--to", m.schema.string()});
    CHECK(plan.code == 0);
    CHECK_MESSAGE(plan.out.find("CREATE INDEX CONCURRENTLY t_idx ON public.t (name);") != std::string::npos, plan.out);
}

TEST_CASE("not represented: a table's storage parameters and UNLOGGED are compared, so those set by hand are drift that the plan undoes") {
    Migrated m;
    {
        pqxx::nontransaction tx{m.db.conn()};
        tx.exec("ALTER TABLE t SET (fillfactor = 80, autovacuum_enabled = off)");
        tx.exec("ALTER TABLE t SET UNLOGGED");
    }
    const Outcome verify = m.w.run({"verify", "--db", m.db.conninfo(), "--dir", m.dir});
    CHECK_MESSAGE(verify.code == 3, (verify.out + verify.err));
    CHECK_MESSAGE(verify.out.find("\n~ table t: storage parameters\n") != std::string::npos, verify.out);
    CHECK_MESSAGE(verify.out.find("\n~ table t: unlogged\n") != std::string::npos, verify.out);
    CHECK_MESSAGE(verify.err.find("warning") == std::string::npos, verify.err);
    const Outcome plan = m.w.run({"plan", "--from", m.db.conninfo(), "--to", m.schema.string()});
    CHECK(plan.code == 0);
    CHECK_MESSAGE(plan.out.find("ALTER TABLE public.t RESET (fillfactor, autovacuum_enabled);") != std::string::npos, plan.out);
    CHECK_MESSAGE(plan.out.find("ALTER TABLE public.t SET LOGGED;") != std::string::npos, plan.out);
}

TEST_CASE("not represented: extensions, citext, a generated column, collations and a default calling an extension verify clean") {
    // What a new project writes first with the rest of PostgreSQL: verify and
    // plan --from DATABASE normalise it in the database (the extensions' types
    // and functions found there) and find nothing to change.
    Migrated m(R"yaml(extensions: [citext, pgcrypto]
tables:
  users:
    columns:
      id: bigserial
      email: {type: citext, unique: true}
      handle: {type: varchar(30), collate: C}
      email_domain: {type: text, generated: "split_part(email, '@', 2)"}
      api_key: {type: text, default: {sql: "encode(gen_random_bytes(16), 'hex')"}}
    primary_key: [id]
    indexes:
      - columns: [email_domain, {column: handle, collate: POSIX}]
)yaml");
    const Outcome verify = m.w.run({"verify", "--db", m.db.conninfo(), "--dir", m.dir});
    CHECK_MESSAGE(verify.code == 0, (verify.out + verify.err));
    CHECK_MESSAGE(verify.out.starts_with("schemac: no drift: "), verify.out);
    CHECK_MESSAGE(verify.err.find("warning") == std::string::npos, verify.err);
    const Outcome plan = m.w.run({"plan", "--from", m.db.conninfo(), "--to", m.schema.string()});
    CHECK_MESSAGE(plan.code == 0, plan.err);
    CHECK_MESSAGE(plan.out.empty(), plan.out);
}
