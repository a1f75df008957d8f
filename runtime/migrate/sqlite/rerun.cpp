#include "rerun.hpp"

#include <schemac/core/ascii.hpp>

#include <array>
#include <vector>

namespace schemac::migrate::sqlite {

namespace {

// The statement's first tokens: bare words in lower case, quoted names
// without their quotes, punctuation one character each; comments skipped.
std::vector<std::string> tokens(std::string_view s, std::size_t max) {
    std::vector<std::string> out;
    std::size_t i = 0;
    const std::size_t n = s.size();
    const auto word_char = [](char c) { return is_ascii_alnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80; };
    while (i < n && out.size() < max) {
        const char c = s[i];
        if (is_ascii_space(c)) {
            ++i;
        } else if (c == '-' && i + 1 < n && s[i + 1] == '-') {
            while (i < n && s[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            const std::size_t close = s.find("*/", i + 2);
            i = close == std::string_view::npos ? n : close + 2;
        } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
            const char close = c == '[' ? ']' : c;
            std::string name;
            std::size_t j = i + 1;
            for (; j < n; ++j) {
                if (s[j] == close) {
                    if (close != ']' && j + 1 < n && s[j + 1] == close) {
                        name += close;
                        ++j;
                        continue;
                    }
                    break;
                }
                name += s[j];
            }
            out.push_back(c == '\'' ? "'" + name + "'" : ascii_lower(name));
            i = j + 1;
        } else if (word_char(c)) {
            std::size_t j = i;
            while (j < n && word_char(s[j])) ++j;
            out.push_back(ascii_lower(s.substr(i, j - i)));
            i = j;
        } else {
            out.emplace_back(1, c);
            ++i;
        }
    }
    return out;
}

// PRAGMA [schema.]name: the index of the name among `t`, or 0.
std::size_t pragma_name_at(const std::vector<std::string>& t) {
    if (t.size() < 2 || t[0] != "pragma") return 0;
    if (t.size() >= 4 && t[2] == ".") return 3;
    return 1;
}

}  // namespace

StatementKind kind_of(std::string_view statement) {
    const auto t = tokens(statement, 1);
    if (t.empty()) return StatementKind::other;
    const std::string& w = t[0];
    if (w == "begin") return StatementKind::begin;
    if (w == "commit" || w == "end") return StatementKind::commit;
    if (w == "rollback" || w == "savepoint" || w == "release") return StatementKind::other_control;
    if (w == "pragma") return StatementKind::pragma;
    if (w == "vacuum" || w == "attach" || w == "detach") return StatementKind::outside;
    return StatementKind::other;
}

std::string pragma_name(std::string_view statement) {
    const auto t = tokens(statement, 4);
    const std::size_t at = pragma_name_at(t);
    return at == 0 ? "" : t[at];
}

std::string pragma_set(std::string_view statement) {
    const auto t = tokens(statement, 5);
    const std::size_t at = pragma_name_at(t);
    if (at == 0 || at + 1 >= t.size()) return "";
    return t[at + 1] == "=" || t[at + 1] == "(" ? t[at] : "";
}

namespace {
constexpr std::string_view kRebuildPrefix = "schemac_new_";
bool rebuild_name(const std::string& t) { return t.size() > kRebuildPrefix.size() && t.compare(0, kRebuildPrefix.size(), kRebuildPrefix) == 0; }
}  // namespace

bool begins_rebuild(std::string_view statement) {
    const auto t = tokens(statement, 3);
    return t.size() == 3 && t[0] == "create" && t[1] == "table" && rebuild_name(t[2]);
}

bool ends_rebuild(std::string_view statement) {
    const auto t = tokens(statement, 5);
    return t.size() == 5 && t[0] == "alter" && t[1] == "table" && rebuild_name(t[2]) && t[3] == "rename" && t[4] == "to";
}

bool is_session_pragma(const std::string& name) {
    static constexpr std::array<std::string_view, 15> kSession = {
        "foreign_keys",      "legacy_alter_table", "recursive_triggers", "ignore_check_constraints", "trusted_schema",
        "case_sensitive_like", "automatic_index",  "reverse_unordered_selects", "secure_delete",     "synchronous",
        "temp_store",        "cache_size",         "cell_size_check",    "query_only",               "writable_schema",
    };
    for (auto s : kSession)
        if (name == s) return true;
    return false;
}

}  // namespace schemac::migrate::sqlite
