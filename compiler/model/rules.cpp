#include "model/rules.hpp"

namespace schemac {

const char* feature_name(Feature f) {
    switch (f) {
        case Feature::Arrays: return "array types";
        case Feature::EnumTypes: return "enum types";
        case Feature::Schemas: return "schemas other than the default";
        case Feature::Hypertables: return "hypertables";
        case Feature::IndexMethods: return "index methods other than btree";
        case Feature::NullsOrder: return "NULLS FIRST / LAST in indexes";
        case Feature::Identity: return "identity and serial columns";
        case Feature::Comments: return "comments";
        case Feature::SqliteTables: return "strict, without_rowid and autoincrement";
        case Feature::OnlineForms: return "concurrently and online";
        case Feature::ForeignKeyOptions: return "deferrable and MATCH FULL foreign keys";
        case Feature::IndexOptions: return "operator classes, collations, INCLUDE, NULLS NOT DISTINCT and storage parameters of indexes";
        case Feature::Extensions: return "extensions";
        case Feature::TableStorage: return "table storage parameters and unlogged tables";
        case Feature::RowSecurity: return "row level security settings";
    }
    return "?";
}

namespace {
std::string hinted(const std::string& hint) { return hint.empty() ? "" : "; " + hint; }
}  // namespace

void report_unsupported(const SchemaRules& rules, Feature f, const SourcePos& pos, const std::string& where, Diagnostics& diags) {
    diags.error(pos, "unsupported", std::string(feature_name(f)) + " are not supported by dialect " + std::string(rules.dialect_name()) +
                                        " (" + where + ")" + hinted(rules.hint(f)));
}

void check_type_supported(const SchemaRules& rules, const Type& t, const SourcePos& pos, const std::string& owner, Diagnostics& diags) {
    if (t.kind != TypeKind::Enum && !rules.supports(t.kind))
        diags.error(pos, "unsupported", "type " + t.element().display() + " is not supported by dialect " + std::string(rules.dialect_name()) +
                                            hinted(rules.hint(t.kind)));
    if (t.is_array && !rules.supports(Feature::Arrays)) report_unsupported(rules, Feature::Arrays, pos, owner + " is " + t.display(), diags);
}

long utf8_length(const std::string& s) {
    long n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return -1;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return -1;
        i += len;
        ++n;
    }
    return n;
}

std::optional<std::string> check_identifier(const std::string& name, std::size_t max_bytes, std::string_view database) {
    if (name.empty()) return "is empty";
    if (name.size() > max_bytes)
        return "is " + std::to_string(name.size()) + " bytes long; " + std::string(database) + " allows at most " + std::to_string(max_bytes);
    if (utf8_length(name) < 0) return "is not valid UTF-8";
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return "contains a control character";
    return std::nullopt;
}

std::optional<std::string> SchemaRules::check_identifier(const std::string& name) const {
    return schemac::check_identifier(name, max_identifier_bytes(), database_name());
}

}  // namespace schemac
