#include "sql/postgres/naming.hpp"

#include <schemac/core/ascii.hpp>

#include <map>
#include <set>

namespace schemac::sql::postgres {

namespace {
constexpr std::size_t kMaxName = 63;   // NAMEDATALEN - 1

// Largest prefix length <= n that does not cut a UTF-8 character.
std::size_t clip_utf8(const std::string& s, std::size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

std::vector<std::string> names_of(const std::vector<Ident>& idents) {
    std::vector<std::string> v;
    for (const auto& i : idents) v.push_back(i.name);
    return v;
}
}  // namespace

std::string pg_object_name(const std::string& name1, const std::string& name2, const std::string& label) {
    std::size_t n1 = name1.size(), n2 = name2.size(), overhead = 0;
    if (!name2.empty()) ++overhead;
    if (!label.empty()) overhead += label.size() + 1;
    const std::size_t avail = kMaxName > overhead ? kMaxName - overhead : 0;
    while (n1 + n2 > avail) {
        if (n1 > n2) --n1;
        else --n2;
    }
    n1 = clip_utf8(name1, n1);
    n2 = clip_utf8(name2, n2);
    std::string out = name1.substr(0, n1);
    if (!name2.empty()) out += "_" + name2.substr(0, n2);
    if (!label.empty()) out += "_" + label;
    return out;
}

std::string pg_name_addition(const std::vector<std::string>& columns) {
    std::string buf;
    for (const auto& c : columns) {
        if (!buf.empty()) buf += '_';
        buf += c.substr(0, kMaxName);
        if (buf.size() >= kMaxName + 1) break;
    }
    return buf;
}

std::string pg_expression_column_name(const std::string& expr) {
    std::size_t i = 0;
    while (i < expr.size() && is_ascii_space(expr[i])) ++i;
    std::string word;
    while (i < expr.size() && (is_ascii_alnum(expr[i]) || expr[i] == '_'))
        word += ascii_lower(expr[i++]);
    while (i < expr.size() && is_ascii_space(expr[i])) ++i;
    if (!word.empty() && !is_ascii_digit(word[0]) && i < expr.size() && expr[i] == '(')
        return word;
    return "expr";
}

void assign_default_names(Schema& schema) {
    // Names already taken, per schema: relations (tables, indexes incl. key
    // indexes) and constraints. User-given names are reserved first.
    std::map<std::string, std::set<std::string>> relations, constraints;
    for (const auto& t : schema.tables) {
        auto& rel = relations[t.name.schema];
        auto& con = constraints[t.name.schema];
        rel.insert(t.name.name);
        if (t.primary_key && t.primary_key->name_given) { rel.insert(t.primary_key->name); con.insert(t.primary_key->name); }
        for (const auto& u : t.uniques) if (u.name_given) { rel.insert(u.name); con.insert(u.name); }
        for (const auto& f : t.foreign_keys) if (f.name_given) con.insert(f.name);
        for (const auto& c : t.checks) con.insert(c.name);
        for (const auto& i : t.indexes) if (i.name_given) rel.insert(i.name);
    }
    auto choose = [](std::set<std::string>& taken, const std::string& n1, const std::string& n2, const std::string& label) {
        std::string name = pg_object_name(n1, n2, label);
        for (int pass = 1; taken.count(name); ++pass) name = pg_object_name(n1, n2, label + std::to_string(pass));
        taken.insert(name);
        return name;
    };
    for (auto& t : schema.tables) {
        auto& rel = relations[t.name.schema];
        auto& con = constraints[t.name.schema];
        const std::string& tn = t.name.name;
        if (t.primary_key && !t.primary_key->name_given) {
            t.primary_key->name = choose(rel, tn, "", "pkey");
            con.insert(t.primary_key->name);
        }
        for (auto& u : t.uniques) {
            if (u.name_given) continue;
            u.name = choose(rel, tn, pg_name_addition(names_of(u.columns)), "key");
            con.insert(u.name);
        }
        for (auto& f : t.foreign_keys)
            if (!f.name_given) f.name = choose(con, tn, pg_name_addition(names_of(f.columns)), "fkey");
        for (auto& i : t.indexes) {
            if (i.name_given) continue;
            std::vector<std::string> cols;
            for (const auto& e : i.elements) cols.push_back(e.expr.empty() ? e.column : pg_expression_column_name(e.expr));
            // INCLUDE columns name the index too (ChooseIndexColumnNames takes every column).
            for (const auto& c : i.include) cols.push_back(c.name);
            i.name = choose(rel, tn, pg_name_addition(cols), "idx");
        }
    }
}

}  // namespace schemac::sql::postgres
