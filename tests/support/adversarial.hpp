// Hostile texts for the raw SQL fields of a schema (checks, {sql:} defaults,
// index predicates and expressions, backfills, using, named queries): each
// tries to end the expression or statement it is copied into and run one of
// its own, or to make what follows it disappear. A schemac that is safe either
// refuses each at load (file:line:col) or writes it so that it stays one
// expression inside one statement.
#pragma once
#include <string>
#include <vector>

namespace schemac::test {

inline const std::vector<std::string>& injection_strings() {
    static const std::vector<std::string> v = {
        // Closing what schemac opened, then statements of its own.
        "true)); COMMIT; DROP TABLE public.important; CREATE TABLE public.zz (y int CHECK (true",
        "1; DROP TABLE important",
        "1); DROP TABLE important; --",
        "1)); DROP TABLE important; --",
        "1) WHERE true; DROP TABLE important; SELECT (1",
        "now()); DROP TABLE important; SELECT (now()",
        "1) NOT VALID, ADD CONSTRAINT smuggled CHECK (true",
        "\"important\" IS NULL)); DROP TABLE important; --",
        "(SELECT 1); COMMIT",
        "1\n; DROP TABLE important",
        "1;\n",
        "COMMIT",
        "END",
        // Clauses that continue a SELECT but not an expression.
        "1 FROM important",
        "1 UNION SELECT 1",
        "1, 2",
        "1 AS x",
        // Comments that swallow what schemac writes after the text.
        "1 -- DROP TABLE important",
        "1)--",
        "1 /* ",
        "1 */; DROP TABLE important; /*",
        "1 /* nested /* comment */ still open ; DROP TABLE important; */ ",
        // Quotes: dollar quotes, escapes, the standard_conforming_strings reading.
        "$$; DROP TABLE important; $$",
        "$x$ ; DROP TABLE important; $x$ = ''",
        "E'\\'); DROP TABLE important; --' IS NOT NULL",
        "'\\' || $$'); DROP TABLE important; --$$ IS NOT NULL",
        "'it''s; DROP TABLE important' <> ''",
        "U&'\\0041; DROP' IS NOT NULL",
        std::string("true\0; DROP TABLE important", 27),
        // Statement kinds a named query must not be.
        "SELECT 1; DROP TABLE important",
        "SELECT 1 INTO zz",
        "DROP TABLE important",
        "WITH d AS (SELECT 1) SELECT * FROM d",
    };
    return v;
}

}  // namespace schemac::test
