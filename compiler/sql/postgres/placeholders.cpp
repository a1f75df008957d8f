#include "sql/postgres/placeholders.hpp"

#include "schemac/postgres/sql_scanner.hpp"

namespace schemac::sql::postgres {

namespace {

// What an unterminated token is called in a diagnostic; null for tokens that
// always end.
const char* unterminated_name(SqlTokenKind kind) {
    switch (kind) {
    case SqlTokenKind::String: return "string literal";
    case SqlTokenKind::QuotedIdentifier: return "quoted identifier";
    case SqlTokenKind::DollarString: return "dollar-quoted string";
    case SqlTokenKind::BlockComment: return "comment";
    default: return nullptr;
    }
}

Placeholder placeholder(std::string_view sql, const SqlToken& t) {
    std::uint64_t n = 0;
    for (std::size_t k = t.begin + 1; k < t.end; ++k)
        if (n < Placeholder::kTooLarge) n = n * 10 + static_cast<std::uint64_t>(sql[k] - '0');
    Placeholder p;
    p.offset = t.begin;
    p.text = std::string(sql.substr(t.begin, t.end - t.begin));
    p.number = n >= Placeholder::kTooLarge ? Placeholder::kTooLarge : static_cast<std::uint32_t>(n);
    return p;
}

}  // namespace

PlaceholderScan scan_placeholders(std::string_view sql) {
    PlaceholderScan out;
    for (SqlScanner scanner(sql); !scanner.done();) {
        const SqlToken t = scanner.next();
        if (t.kind == SqlTokenKind::Parameter) {
            out.placeholders.push_back(placeholder(sql, t));
        } else if (!t.terminated) {
            out.unterminated = Unterminated{t.begin, unterminated_name(t.kind)};
            break;
        }
    }
    return out;
}

}  // namespace schemac::sql::postgres
