// Every command that connects, as a child process, with a password holding
// every URL-special character, written the ways people write it, given by
// --db, DATABASE_URL, --env (url_env and url), with and without --json: the
// password shows in neither stdout nor stderr, whether the connection fails
// (a scram role with another password, a URL libpq reads otherwise) or a later
// step does (trust auth lets the connection through; a migration fails).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "passwords.hpp"
#include "scratch_db.hpp"

namespace fs = std::filesystem;
using schemac::test::Env;
using schemac::test::Outcome;
using schemac::test::ScratchDb;
using schemac::test::create_password_role;
using schemac::test::encoded;
using schemac::test::kSpecials;
using schemac::test::long_pieces;
using schemac::test::Workdir;
using schemac::test::write_text;

namespace {

std::string server_param(const std::string& key) {
    std::istringstream in(ScratchDb::server());
    for (std::string tok; in >> tok;)
        if (tok.starts_with(key + "=")) return tok.substr(key.size() + 1);
    return "";
}

std::string escaped(const std::string& p, const std::string& special) {
    std::string e;
    for (char c : p) {
        if (special.find(c) != std::string::npos) e += '\\';
        e += c;
    }
    return e;
}

// Runs of upper-case letters and digits between the special characters (what
// libpq may quote back on its own), so no piece is an ordinary word of a message.
std::string generated_password(unsigned seed) {
    std::mt19937 rng(seed);
    const std::string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string specials = kSpecials;
    std::shuffle(specials.begin(), specials.end(), rng);
    std::string p;
    for (char c : specials) {
        for (int n = 0; n < 4; ++n) p += letters[rng() % letters.size()];
        p += c;
    }
    return p + "Z9Q";
}

struct Target {
    std::string what;
    std::string conninfo;
    bool exact;   // the password can be told from the text (not key=value unquoted)
};

std::vector<Target> targets(const std::string& password, const std::string& db) {
    const std::string host = server_param("host"), port = server_param("port");
    const std::string where = "@/" + db + "?host=" + encoded(host) + (port.empty() ? "" : "&port=" + port);
    const std::string kv_where = "host=" + host + (port.empty() ? "" : " port=" + port) + " dbname=" + db;
    std::vector<Target> out;
    // A scram role: the password is sent and refused.
    out.push_back({"URL, encoded, refused", "postgresql://schemac_password_user:" + encoded(password) + where, true});
    // Trust: the connection works, and a later step fails.
    out.push_back({"URL, encoded, trusted", "postgresql://postgres:" + encoded(password) + where, true});
    out.push_back({"URL, as typed", "postgresql://postgres:" + password + where, true});
    out.push_back({"URL query", "postgresql:///" + db + "?host=" + encoded(host) + (port.empty() ? "" : "&port=" + port) +
                                    "&user=schemac_password_user&password=" + encoded(password), true});
    out.push_back({"key=value, quoted", kv_where + " user=schemac_password_user password='" + escaped(password, "'\\") + "'", true});
    out.push_back({"key=value, as typed", kv_where + " user=postgres password=" + password, false});
    return out;
}

std::string joined(const std::vector<std::string>& args) {
    std::string s;
    for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
    return s;
}

std::string yaml_single_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

void check_hidden(const Outcome& o, const std::string& password, const Target& t) {
    CAPTURE(o.out);
    CAPTURE(o.err);
    const std::string all = o.out + o.err;
    CHECK(all.find(password) == std::string::npos);
    CHECK(all.find(escaped(password, "\"\\")) == std::string::npos);   // as --json would escape it
    if (!t.exact) return;
    for (const auto& piece : long_pieces(password)) {
        CAPTURE(piece);
        CHECK(all.find(piece) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("passwords: no command prints a password with URL-special characters, however it is given") {
    create_password_role();
    ScratchDb db;
    Workdir w("schemac-passwords");
    const std::string dir = (w.root() / "migrations").string();
    write_text(w.root() / "migrations" / "0001_one.up.sql", "CREATE TABLE one (id int);\n");
    write_text(w.root() / "migrations" / "0001_one.down.sql", "DROP TABLE one;\n");
    write_text(w.root() / "migrations" / "0002_fails.up.sql", "SELECT 1 / 0;\n");   // the later step that fails
    write_text(w.root() / "schema" / "one.yaml", "tables:\n  one:\n    columns:\n      id: integer?\n");

    const std::vector<std::vector<std::string>> runner_commands = {
        {"status"}, {"apply"}, {"rollback"}, {"repair"}, {"baseline", "--version", "1"}, {"verify"}};
    int runs = 0;
    for (const std::string& password : {generated_password(1), generated_password(2)}) {
        for (const Target& t : targets(password, db.name())) {
            CAPTURE(password);
            CAPTURE(t.what);
            write_text(w.root() / "schemac.yaml", "environments:\n  byvar:\n    url_env: APP_DB_URL\n  inline:\n    url: " +
                                                      yaml_single_quoted(t.conninfo) + "\n");
            struct Source {
                const char* name;
                std::vector<std::string> args;
                Env env;
            };
            const std::vector<Source> sources = {{"--db", {"--db", t.conninfo}, {}},
                                                 {"DATABASE_URL", {}, {{"DATABASE_URL", t.conninfo}}},
                                                 {"--env url_env", {"--env", "byvar"}, {{"APP_DB_URL", t.conninfo}}},
                                                 {"--env url", {"--env", "inline"}, {}}};
            for (const auto& source : sources) {
                CAPTURE(source.name);
                for (const auto& command : runner_commands) {
                    for (bool json : {false, true}) {
                        std::vector<std::string> args = command;
                        args.insert(args.end(), {"--dir", dir});
                        args.insert(args.end(), source.args.begin(), source.args.end());
                        if (json) args.push_back("--json");
                        CAPTURE(joined(args));
                        check_hidden(w.run(args, source.env), password, t);
                        ++runs;
                    }
                }
                for (const auto& command : std::vector<std::vector<std::string>>{
                         {"inspect"}, {"import", "--out", (w.root() / "imported").string()}}) {
                    std::vector<std::string> args = command;
                    args.insert(args.end(), source.args.begin(), source.args.end());
                    CAPTURE(joined(args));
                    check_hidden(w.run(args, source.env), password, t);
                    ++runs;
                }
            }
            for (const auto& args : std::vector<std::vector<std::string>>{{"plan", "--from", t.conninfo, "--to", "schema"},
                                                                           {"plan", "--from", "schema", "--to", t.conninfo}}) {
                CAPTURE(joined(args));
                check_hidden(w.run(args), password, t);
                ++runs;
            }
        }
    }
    MESSAGE(runs << " runs");
}

// libpq reads `postgresql://app:5432/Ab9secret@/t1` as user app, port 5432 and
// database "Ab9secret@/t1": when such a database exists, the connection works
// and the password's tail is the database name every header and JSON shows.
TEST_CASE("passwords: a URL libpq reads otherwise keeps its password out of the database description") {
    const std::string db = "Ab9secret@/t1";
    {
        pqxx::connection admin{ScratchDb::server() + " dbname=postgres"};
        pqxx::nontransaction tx{admin};
        tx.exec("DROP DATABASE IF EXISTS " + tx.quote_name(db));
        tx.exec("CREATE DATABASE " + tx.quote_name(db));
    }
    const std::string host = server_param("host"), port = server_param("port");
    const std::string url = "postgresql://app:5432/" + db + "?host=" + encoded(host) + (port.empty() ? "" : "&port=" + port) + "&user=postgres";
    Workdir w("schemac-describe");
    fs::create_directories(w.root() / "migrations");
    for (const std::vector<std::string>& args : {std::vector<std::string>{"status", "--db", url, "--dir", (w.root() / "migrations").string()},
                                                 {"status", "--json", "--db", url, "--dir", (w.root() / "migrations").string()},
                                                 {"inspect", "--db", url}}) {
        const Outcome o = w.run(args);
        CAPTURE(args[0]);
        CAPTURE(o.out);
        CAPTURE(o.err);
        CHECK(o.code == 0);
        CHECK(o.out.find("Ab9secret") == std::string::npos);
        CHECK(o.err.find("Ab9secret") == std::string::npos);
        CHECK(o.out.find("***@/t1") != std::string::npos);   // the connection worked: it is this database
    }
    pqxx::connection admin{ScratchDb::server() + " dbname=postgres"};
    pqxx::nontransaction tx{admin};
    tx.exec("DROP DATABASE " + tx.quote_name(db));
}
