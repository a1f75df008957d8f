// The shared SQL scanner (runtime/include/schemac/postgres/sql_scanner.hpp): every token
// kind, and the cases where the statement splitter, the $n counter of named
// queries and normalisation's schema rewriting used to lex differently. Each
// "used to" case below failed with the lexer that had it wrong.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sql/postgres/placeholders.hpp"
#include "schemac/postgres/sql_scanner.hpp"
#include "sql/postgres/rewrite_schemas.hpp"

using namespace schemac;
using schemac::sql::postgres::rewrite_schemas;
using schemac::sql::postgres::SchemaReplacer;

namespace {

const char* kind_name(SqlTokenKind k) {
    switch (k) {
    case SqlTokenKind::Space: return "space";
    case SqlTokenKind::LineComment: return "line-comment";
    case SqlTokenKind::BlockComment: return "block-comment";
    case SqlTokenKind::String: return "string";
    case SqlTokenKind::QuotedIdentifier: return "quoted-ident";
    case SqlTokenKind::DollarString: return "dollar-string";
    case SqlTokenKind::Identifier: return "ident";
    case SqlTokenKind::Number: return "number";
    case SqlTokenKind::Parameter: return "param";
    case SqlTokenKind::Other: return "other";
    }
    return "?";
}

// "kind[text]" per token, " " between; "!" after an unterminated one.
std::string tokens(const std::string& sql) {
    std::string out;
    for (const SqlToken& t : scan_sql(sql)) {
        if (!out.empty()) out += ' ';
        out += std::string(kind_name(t.kind)) + "[" + sql.substr(t.begin, t.end - t.begin) + "]" + (t.terminated ? "" : "!");
    }
    return out;
}

}  // namespace

TEST_CASE("the SQL scanner: every token kind, by PostgreSQL 15's rules") {
    struct Case { const char* sql; const char* expected; };
    const Case cases[] = {
        // whitespace is [ \t\n\r\f]; \v is a stray byte in PostgreSQL 15
        {"a \t\n\r\fb", "ident[a] space[ \t\n\r\f] ident[b]"},
        {"\v", "other[\v]"},
        // comments: -- to the end of the line (\n or \r), /* */ nested
        {"-- c\nx", "line-comment[-- c] space[\n] ident[x]"},
        {"-- c\rx", "line-comment[-- c] space[\r] ident[x]"},
        {"a--b", "ident[a] line-comment[--b]"},
        {"/* a /* b */ c */x", "block-comment[/* a /* b */ c */] ident[x]"},
        {"/* a /* b */", "block-comment[/* a /* b */]!"},
        {"+/**/-", "other[+] block-comment[/**/] other[-]"},
        // strings: '' doubles a quote; backslash escapes only in E''
        {"'it''s'", "string['it''s']"},
        {"'a\\' x", "string['a\\'] space[ ] ident[x]"},
        {"E'a\\'b' e'x''y'", "string[E'a\\'b'] space[ ] string[e'x''y']"},
        {"B'10' X'f' N'n' U&'d\\0061'", "string[B'10'] space[ ] string[X'f'] space[ ] string[N'n'] space[ ] string[U&'d\\0061']"},
        {"b'\\' x", "string[b'\\'] space[ ] ident[x]"},
        {"typE'x'", "ident[typE] string['x']"},
        {"'open", "string['open]!"},
        {"E'\\'", "string[E'\\']!"},
        // a string continued after a newline is one string and keeps its kind
        {"'a'\n  'b'", "string['a'\n  'b']"},
        {"'a' 'b'", "string['a'] space[ ] string['b']"},
        {"E'a'\n'\\''", "string[E'a'\n'\\'']"},
        // quoted identifiers
        {"\"a\"\"b\"", "quoted-ident[\"a\"\"b\"]"},
        {"U&\"d\\0061\"", "quoted-ident[U&\"d\\0061\"]"},
        {"\"open", "quoted-ident[\"open]!"},
        // dollar quotes: the tag is an identifier without $, not starting with a digit
        {"$$ a $$", "dollar-string[$$ a $$]"},
        {"$t$ $$ $t$", "dollar-string[$t$ $$ $t$]"},
        {"$a$ $b$ x $b$ $a$", "dollar-string[$a$ $b$ x $b$ $a$]"},
        {"$t$ $tt$ $t$", "dollar-string[$t$ $tt$ $t$]"},
        {"$a$x$ba$a$", "dollar-string[$a$x$ba$a$]"},
        {"$_1$x$_1$", "dollar-string[$_1$x$_1$]"},
        {"$x$ open", "dollar-string[$x$ open]!"},
        {"1$$ x $$", "number[1] dollar-string[$$ x $$]"},
        // parameters, and `$` that opens nothing
        {"$1$$x$$", "param[$1] dollar-string[$$x$$]"},
        {"$12a", "param[$12] ident[a]"},
        {"$ 1", "other[$] space[ ] number[1]"},
        {"$abc", "other[$] ident[abc]"},
        // identifiers: $ inside belongs to them; bytes >= 0x80 are letters
        {"a$1 x$$", "ident[a$1] space[ ] ident[x$$]"},
        {"\xc3\xa9" "1 \xc3\x84", "ident[\xc3\xa9" "1] space[ ] ident[\xc3\x84]"},
        {"_x9", "ident[_x9]"},
        // numbers are digit runs; everything else is one byte at a time
        {"12.5e3", "number[12] other[.] number[5] ident[e3]"},
        {"(;)", "other[(] other[;] other[)]"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.sql);
        CHECK(tokens(c.sql) == c.expected);
    }
}

TEST_CASE("the SQL scanner starts where it is told") {
    const std::string sql = "x 'a' y";
    SqlScanner s(sql, 2);
    const SqlToken t = s.next();
    CHECK(t.kind == SqlTokenKind::String);
    CHECK(t.begin == 2);
    CHECK(t.end == 5);
}

TEST_CASE("$n counting follows the shared scanner where it used to differ") {
    struct Case { const char* sql; std::vector<std::uint32_t> found; bool unterminated; };
    const Case cases[] = {
        // used to read the -- comment up to \n only, hiding $2
        {"SELECT 1 -- $1\r $2", {2}, false},
        // used to end the E string at the newline, so \' closed the next part
        {"SELECT E'a'\n'\\' $1' || $2", {2}, false},
        // agreed before, still so
        {"SELECT $a$ $ab$ $1 $a$ || $2", {2}, false},
        {"SELECT 1$$ $1 $$, $2", {2}, false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.sql);
        const auto scan = sql::postgres::scan_placeholders(c.sql);
        std::vector<std::uint32_t> numbers;
        for (const auto& p : scan.placeholders) numbers.push_back(p.number);
        CHECK(numbers == c.found);
        CHECK(scan.unterminated.has_value() == c.unterminated);
    }
}

TEST_CASE("rewrite_schemas: qualified names outside strings and comments") {
    std::vector<std::pair<std::string, std::string>> seen;
    const SchemaReplacer replace = [&](const std::string& schema, const std::string& name) -> std::optional<std::string> {
        seen.emplace_back(schema, name);
        if (schema == "public") return std::string("s");
        return std::nullopt;
    };
    struct Case { const char* sql; const char* expected; };
    const Case cases[] = {
        {"public.t > 0", "s.t > 0"},
        {"PUBLIC . t", "s . t"},
        {"\"public\".\"T\"", "s.\"T\""},
        {"a.public.t", "a.s.t"},
        {"other.t", "other.t"},
        {"'public.t' || E'\\'public.t' || $$public.t$$ || $q$public.t$q$", "'public.t' || E'\\'public.t' || $$public.t$$ || $q$public.t$q$"},
        {"x -- public.t\n/* public.t /* */ public.t */", "x -- public.t\n/* public.t /* */ public.t */"},
        {"\"public.t\"", "\"public.t\""},
        {"\"open.t", "\"open.t"},
        {"public.", "public."},
        // used to run the -- comment to \n only, leaving public.t as it was
        {"x -- c\rpublic.t", "x -- c\rs.t"},
        // used to end the E string at the newline and rewrite inside the continuation
        {"E'a'\n'\\' public.t'", "E'a'\n'\\' public.t'"},
        // used to rewrite the quoted part of a U&"..." identifier into `U&s`
        {"U&\"public\".t", "U&\"public\".t"},
        // used to miss the dollar quote after a number and rewrite inside it
        {"1$$ public.t $$", "1$$ public.t $$"},
        // used to skip a word right after digits; PostgreSQL 15 rejects `1public`
        // as trailing junk, so either is harmless: the scanner's tokens rule
        {"1public.t", "1s.t"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.sql);
        CHECK(rewrite_schemas(c.sql, replace) == c.expected);
    }
    seen.clear();
    rewrite_schemas("Public.\"A\"\"b\", \xc3\x84X.y", replace);
    CHECK(seen == std::vector<std::pair<std::string, std::string>>{{"public", "A\"b"}, {"\xc3\x84x", "y"}});
}
