// The DO block around create_hypertable is dollar-quoted with a tag that does
// not occur in its body, whatever the table is called.
#include <doctest/doctest.h>

#include "pg_grammar.hpp"
#include "plan_text.hpp"
#include "schemac/postgres/sql_split.hpp"

using namespace schemac;

namespace {
std::string hypertable_named(const std::string& name) {
    return "tables:\n  \"" + name + "\":\n    columns:\n      at: timestamptz\n    hypertable:\n      time_column: at\n";
}

// The DO statement of the plan's up SQL.
std::string do_statement(const std::string& up) {
    for (const auto& st : split_sql(up))
        if (st.text.rfind("DO ", 0) == 0) return std::string(st.text);
    return "";
}
}  // namespace

TEST_CASE("the DO block's dollar tag never occurs in its body") {
    struct Case { const char* table; const char* tag; };
    const Case cases[] = {
        {"ticks", "$schemac$"},
        {"a$schemac$b", "$schemac1$"},
        {"$schemac$$schemac1$", "$schemac2$"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.table));
        const test::PlanText p = test::plan_text("", hypertable_named(c.table));
        REQUIRE_MESSAGE(p.errors.find("error") == std::string::npos, p.errors);
        const std::string block = do_statement(p.up);
        REQUIRE_FALSE(block.empty());
        CHECK(block.rfind(std::string("DO ") + c.tag + "\nBEGIN", 0) == 0);
        CHECK(block.size() > 2 * std::string(c.tag).size());
        CHECK(block.substr(block.size() - std::string(c.tag).size()) == c.tag);
        // The tag appears exactly twice: it opens and closes the body, nothing inside ends it.
        std::size_t n = 0;
        for (auto pos = block.find(c.tag); pos != std::string::npos; pos = block.find(c.tag, pos + 1)) ++n;
        CHECK(n == 2);
        CHECK_FALSE(test::parse_error(p.up));
    }
}

