// A fresh database on the test server (PGHOST etc. set by ctest), dropped at
// the end. No server is a test failure, never a skip.
#pragma once
#include <pqxx/pqxx>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <memory>
#include <string>
#include <unistd.h>

namespace schemac::test {

class ScratchDb {
public:
    ScratchDb() : name_("schemac_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)) {
        pqxx::connection admin{server() + " dbname=postgres"};
        pqxx::nontransaction tx{admin};
        tx.exec0("CREATE DATABASE " + tx.quote_name(name_));
        conn_ = std::make_unique<pqxx::connection>(server() + " dbname=" + name_);
        // SCHEMAC_TEST_EXTENSIONS=timescaledb: the TimescaleDB tests run the
        // same harnesses on databases that have the extension.
        if (const char* ext = std::getenv("SCHEMAC_TEST_EXTENSIONS"); ext && *ext) {
            pqxx::nontransaction here{*conn_};
            here.exec0(std::string("CREATE EXTENSION ") + here.quote_name(ext));
        }
    }
    ~ScratchDb() {
        try {
            conn_.reset();
            pqxx::connection admin{server() + " dbname=postgres"};
            pqxx::nontransaction tx{admin};
            tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name_));
        } catch (...) {
        }
    }
    pqxx::connection& conn() { return *conn_; }
    const std::string& name() const { return name_; }
    // A conninfo for this database, for a Runner or a child process.
    std::string conninfo() const { return server() + " dbname=" + name_; }

    // The test server's conninfo, set by ctest (tests/integration/CMakeLists.txt).
    static std::string server() {
        const char* s = std::getenv("SCHEMAC_TEST_PG");
        if (!s || !*s) throw std::runtime_error("SCHEMAC_TEST_PG is not set: run the integration tests through ctest");
        return s;
    }

private:
    static std::atomic<int>& counter() {
        static std::atomic<int> c{0};
        return c;
    }
    std::string name_;
    std::unique_ptr<pqxx::connection> conn_;
};

// Back to what CREATE DATABASE ... TEMPLATE template0 gives, cheaper than a
// new database: every user schema dropped (with all it holds), `public`
// recreated with its owner, comment and usage grant, and the extension of
// SCHEMAC_TEST_EXTENSIONS with it (TimescaleDB lives in public).
inline void empty_database(pqxx::connection& c) {
    pqxx::nontransaction tx{c};
    std::string schemas;
    // Not the schemas of an extension: dropping public drops an extension made there.
    for (const auto& row : tx.exec("SELECT nspname FROM pg_namespace n WHERE nspname NOT LIKE 'pg\\_%' "
                                   "AND nspname <> 'information_schema' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
                                   "WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e') "
                                   "ORDER BY nspname")) {
        schemas += (schemas.empty() ? "" : ", ") + tx.quote_name(row[0].as<std::string>());
    }
    if (!schemas.empty()) tx.exec0("DROP SCHEMA " + schemas + " CASCADE");
    tx.exec0("CREATE SCHEMA public AUTHORIZATION pg_database_owner");
    tx.exec0("COMMENT ON SCHEMA public IS 'standard public schema'");
    tx.exec0("GRANT USAGE ON SCHEMA public TO PUBLIC");
    // An extension created in public went with it.
    if (const char* ext = std::getenv("SCHEMAC_TEST_EXTENSIONS"); ext && *ext)
        tx.exec0(std::string("CREATE EXTENSION IF NOT EXISTS ") + tx.quote_name(ext));
}

// A login role with a scram password ('correct-horse-9'), for tests whose
// connections must be refused for the password they give.
inline void create_password_role() {
    pqxx::connection admin{ScratchDb::server() + " dbname=postgres"};
    pqxx::nontransaction tx{admin};
    tx.exec("DO $$ BEGIN CREATE ROLE schemac_password_user LOGIN; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    tx.exec("SET password_encryption = 'scram-sha-256'");
    tx.exec("ALTER ROLE schemac_password_user LOGIN PASSWORD 'correct-horse-9'");
}

}  // namespace schemac::test
