#include "sql/postgres/rewrite_schemas.hpp"

#include "schemac/postgres/sql_scanner.hpp"

namespace schemac::sql::postgres {

namespace {

// The name an identifier token stands for; nullopt for any other token.
std::optional<std::string> identifier_name(std::string_view sql, const SqlToken& t) {
    const std::string_view text = sql.substr(t.begin, t.end - t.begin);
    if (t.kind == SqlTokenKind::Identifier) {
        std::string name(text);
        for (auto& c : name)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return name;
    }
    if (t.kind != SqlTokenKind::QuotedIdentifier || !t.terminated || text.front() != '"') return std::nullopt;
    std::string name;
    for (std::size_t k = 1; k + 1 < text.size(); ++k) {
        name += text[k];
        if (text[k] == '"') ++k;   // "" is one quote
    }
    return name;
}

std::size_t skip_blanks(std::string_view sql, std::size_t k) {
    while (k < sql.size() && sql[k] == ' ') ++k;
    return k;
}

// The name of the identifier that follows `first` after a dot, if any.
std::optional<std::string> qualified_part(std::string_view sql, const SqlToken& first) {
    std::size_t k = skip_blanks(sql, first.end);
    if (k >= sql.size() || sql[k] != '.') return std::nullopt;
    k = skip_blanks(sql, k + 1);
    if (k >= sql.size()) return std::nullopt;
    return identifier_name(sql, SqlScanner(sql, k).next());
}

}  // namespace

std::string rewrite_schemas(std::string_view sql, const SchemaReplacer& replace) {
    std::string out;
    out.reserve(sql.size());
    for (SqlScanner scanner(sql); !scanner.done();) {
        const SqlToken t = scanner.next();
        std::optional<std::string> replacement;
        if (const auto schema = identifier_name(sql, t))
            if (const auto name = qualified_part(sql, t)) replacement = replace(*schema, *name);
        if (replacement)
            out += *replacement;
        else
            out += sql.substr(t.begin, t.end - t.begin);
    }
    return out;
}

}  // namespace schemac::sql::postgres
