// Passwords in connection strings never reach a message: generated passwords
// with every character that means something in a URL or a key=value string,
// written the ways people write them (encoded or not, quoted or not), against
// what libpq itself says about those strings.
#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <random>
#include <string>
#include <vector>

#include "passwords.hpp"
#include "schemac/catalog/catalog.hpp"
#include "schemac/migrate/runner.hpp"

using namespace schemac;
using schemac::test::encoded;
using schemac::test::kSpecials;
using schemac::test::long_pieces;

namespace {

std::string keyword_quoted(const std::string& p) {
    std::string e = "'";
    for (char c : p) {
        if (c == '\'' || c == '\\') e += '\\';
        e += c;
    }
    return e + "'";
}

// Every special character at least once around runs of letters: a fixed set
// of shapes, then seeded random ones (the same every run).
std::vector<std::string> generated_passwords() {
    std::vector<std::string> out = {"hunter2/x", "p@ssw0rd", "s3cr3t"};
    for (char c : kSpecials) out.push_back(std::string("abc") + c + "defg" + c + "hij");
    std::mt19937 rng(20261206);
    const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int n = 0; n < 150; ++n) {
        std::string p;
        const int parts = 2 + static_cast<int>(rng() % 4);
        for (int k = 0; k < parts; ++k) {
            for (int len = 3 + static_cast<int>(rng() % 5); len > 0; --len) p += letters[rng() % letters.size()];
            for (int len = 1 + static_cast<int>(rng() % 2); len > 0; --len) p += kSpecials[rng() % kSpecials.size()];
        }
        out.push_back(p);
    }
    return out;
}

// What libpq may say about a connection string: its parse error, and each
// value it parsed, quoted as its connection errors quote them.
std::vector<std::string> libpq_messages(const std::string& conninfo) {
    std::vector<std::string> out;
    char* error = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &error);
    if (error) out.push_back(error);
    PQfreemem(error);
    for (PQconninfoOption* o = opts; o && o->keyword; ++o)
        if (o->val) out.push_back(std::string("invalid value \"") + o->val + "\" for connection option \"" + o->keyword + "\"");
    PQconninfoFree(opts);
    return out;
}

std::string libpq_password(const std::string& conninfo) {
    std::string password;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), nullptr);
    for (PQconninfoOption* o = opts; o && o->keyword; ++o)
        if (std::string(o->keyword) == "password" && o->val) password = o->val;
    PQconninfoFree(opts);
    return password;
}

struct Form {
    const char* name;
    std::string (*write)(const std::string&);
    bool exact;   // the password can be told from the text: its pieces are hidden too
};

const Form kForms[] = {
    {"URL, percent-encoded", [](const std::string& p) { return "postgresql://app:" + encoded(p) + "@%2Fnonexistent/db"; }, true},
    {"URL, as typed", [](const std::string& p) { return "postgresql://app:" + p + "@%2Fnonexistent/db"; }, true},
    {"URL query", [](const std::string& p) { return "postgres://app@%2Fnonexistent/db?password=" + encoded(p); }, true},
    {"key=value, quoted", [](const std::string& p) { return "host=/nonexistent user=app password=" + keyword_quoted(p) + " dbname=db"; }, true},
    // As typed, a blank ends the value for libpq: what it reads is hidden, and
    // the whole password never shows.
    {"key=value, as typed", [](const std::string& p) { return "host=/nonexistent user=app password=" + p + " dbname=db"; }, false},
};

}  // namespace

TEST_CASE("password masking: generated passwords with every URL-special character, in every form") {
    for (const auto& password : generated_passwords()) {
        for (const auto& form : kForms) {
            const std::string conninfo = form.write(password);
            CAPTURE(form.name);
            CAPTURE(conninfo);
            std::vector<std::string> messages = libpq_messages(conninfo);
            for (const auto& shown : {password, encoded(password), keyword_quoted(password), conninfo})
                messages.push_back("failed near " + shown + " (\"" + shown + "\")");
            const std::string parsed = libpq_password(conninfo);
            for (const auto& m : messages) {
                const std::string out = scrub_passwords(m, conninfo);
                CAPTURE(out);
                CHECK(out.find(password) == std::string::npos);
                if (!parsed.empty()) CHECK(out.find(parsed) == std::string::npos);
                if (!form.exact) continue;
                for (const auto& piece : long_pieces(password)) CHECK(out.find(piece) == std::string::npos);
            }
            const std::string redacted = redact_conninfo(conninfo);
            CHECK(redacted.find(password) == std::string::npos);
            if (form.exact)
                for (const auto& piece : long_pieces(password)) CHECK(redacted.find(piece) == std::string::npos);
        }
    }
}

TEST_CASE("password masking: what libpq says about the strings that leaked") {
    // libpq ends the user part at the first '/', reads "hunter2" as the port,
    // and quotes it back when connecting.
    CHECK(scrub_passwords("invalid integer value \"hunter2\" for connection option \"port\"",
                          "postgresql://app:hunter2/x@%2Fhost/db") == "invalid integer value \"***\" for connection option \"port\"");
    // ... or ends it at the first '@', and the rest becomes the host.
    CHECK(scrub_passwords("could not translate host name \"ssw0rd@host\" to address: Name or service not known",
                          "postgresql://app:p@ssw0rd@host/db") ==
          "could not translate host name \"***@host\" to address: Name or service not known");
    // Two-character pieces are hidden where libpq quotes a value made of them.
    CHECK(scrub_passwords("could not translate host name \"ss@host\" to address", "postgresql://app:p@ss@host/db") ==
          "could not translate host name \"***\" to address");
    // Words that are not the password stay readable.
    CHECK(scrub_passwords("database \"db\" does not exist", "postgresql://app:hunter2@host/db") == "database \"db\" does not exist");
}

TEST_CASE("password masking: a string libpq cannot parse says what is wrong without the password") {
    auto error_of = [](const std::string& conninfo) {
        try {
            catalog::read_catalog(conninfo, {});
        } catch (const RunnerError& e) {
            CHECK(e.kind == RunnerErrorKind::invalid_conninfo);
            return std::string(e.what());
        }
        FAIL("connected to " << conninfo);
        return std::string();
    };
    // Only the password is hidden: the unknown parameter is named.
    CHECK(error_of("postgresql://app:hunter2@%2Fnonexistent/db?schema=public") ==
          "invalid connection string: invalid URI query parameter: \"schema\"");
    CHECK(error_of("mysql://app:hunter2@db/x") ==
          "invalid connection string: the URL scheme is \"mysql://\"; schemac connects to PostgreSQL, whose URLs start with "
          "postgresql:// or postgres://");
    const std::string bad = error_of("host=/nonexistent password=hunter2 dbname");
    CHECK(bad.find("hunter2") == std::string::npos);
    CHECK(bad.find("dbname") != std::string::npos);
    // The scheme's colon missing: libpq reads key=value and quotes the word back.
    const std::string colonless = error_of("postgresql//deploy:hunter2-xyz@db.example/app");
    CHECK(colonless.find("hunter2") == std::string::npos);
    CHECK(colonless.find("db.example/app") != std::string::npos);
    const std::string typo = error_of("postgresql://app:p@ss/w0rd@%2Fnonexistent/db?ssl=x");
    CHECK(typo.find("w0rd") == std::string::npos);
    CHECK(typo.find("\"ssl\"") != std::string::npos);
}
