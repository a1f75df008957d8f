#include "model/queries.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>


namespace schemac {

namespace {

// C++20 keywords and alternative tokens ([lex.key], [lex.digraph]); sorted for
// binary search. Contextual words (final, override, import, module) are fine
// as names and are left out.
constexpr std::string_view kCppKeywords[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char16_t", "char32_t", "char8_t", "class", "co_await", "co_return", "co_yield", "compl", "concept",
    "const", "const_cast", "consteval", "constexpr", "constinit", "continue", "decltype", "default", "delete", "do",
    "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend",
    "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast", "requires",
    "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template",
    "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

std::string q(const std::string& name) { return "'" + name + "'"; }

std::string params_phrase(std::size_t n) {
    if (n == 0) return "no params";
    return std::to_string(n) + (n == 1 ? " param" : " params");
}

class QueryAnalyzer {
public:
    QueryAnalyzer(Schema& s, const SchemaRules& r, const ReportedBefore& loaded, Diagnostics& d)
        : schema_(s), rules_(r), loaded_(loaded), diags_(d) {
        for (const auto& e : s.enums) type_words_.push_back(e.name.name);
        for (const auto& w : builtin_type_names()) type_words_.push_back(w);
        std::set<std::string> names;
        for (const auto& t : s.tables) names.insert(t.name.name);
        table_words_.assign(names.begin(), names.end());
    }

    void run() {
        std::map<std::pair<std::string, std::string>, const Query*> seen;
        for (auto& query : schema_.queries) {
            check_query(query);
            auto [it, fresh] = seen.emplace(std::make_pair(query.schema, query.name), &query);
            if (!fresh) duplicate(query.pos, it->second->pos, "duplicate-query",
                                  "query " + q(query.name) + " is defined twice in schema " + q(query.schema));
        }
    }

private:
    Schema& schema_;
    const SchemaRules& rules_;
    const ReportedBefore& loaded_;
    Diagnostics& diags_;
    std::vector<std::string> type_words_;
    std::vector<std::string> table_words_;

    // Error at the later of the two places (in file, line, column order), note at the earlier.
    void duplicate(const SourcePos& a, const SourcePos& b, const std::string& code, const std::string& msg) {
        const bool a_first = std::tie(a.file_name(), a.line, a.column) < std::tie(b.file_name(), b.line, b.column);
        auto& d = diags_.error(a_first ? b : a, code, msg);
        Diagnostics::add_note(d, a_first ? a : b, "first defined here");
    }

    void name(const std::string& n, const SourcePos& pos, const char* what) {
        if (auto why = check_cpp_name(n)) diags_.error(pos, "bad-identifier", std::string(what) + " name " + q(n) + " " + *why);
    }

    void fields(Query& query, std::vector<QueryField>& list, const char* what, const char* code) {
        std::unordered_map<std::string, const QueryField*> seen;
        for (auto& f : list) {
            name(f.name, f.pos, what);
            // The loader already reports a repeated YAML key and drops the
            // repeat; this is for queries built in code.
            auto [it, fresh] = seen.emplace(f.name, &f);
            if (!fresh) duplicate(f.pos, it->second->pos, code,
                                  "query " + q(query.name) + " has two " + what + "s named " + q(f.name));
            resolve_type(query, f, what);
        }
    }

    void resolve_type(const Query& query, QueryField& f, const char* what) {
        if (f.type.kind == TypeKind::Enum) {
            if (const Enum* e = schema_.resolve_enum(f.type.enum_name, query.schema, rules_.default_schema())) {
                f.type.enum_name = e->name;
            } else {
                diags_.error(f.type_pos, "unknown-type",
                             with_hint("unknown type " + q(f.type.enum_name.display()), f.type.enum_name.name, type_words_));
                f.type.kind = TypeKind::Text;   // keep analysing without cascades
                f.type.enum_name = {};
            }
        } else if (is_serial(f.type.kind)) {
            // serial is a column with a sequence default, not a type a value has.
            diags_.error(f.type_pos, "bad-type", std::string(what) + " " + q(f.name) + " is " + f.type.display() +
                                                     ", which only a table column can be; use " +
                                                     (f.type.kind == TypeKind::SmallSerial ? "smallint" : f.type.kind == TypeKind::Serial ? "integer" : "bigint"));
        }
        check_type_supported(rules_, f.type, f.type_pos, std::string(what) + " " + q(f.name), diags_);
    }

    void check_result(Query& query) {
        const std::string kind = query_result_name(query.result);
        const bool has_columns = !query.columns.empty();
        if (query.result == QueryResult::None || query.result == QueryResult::Count) {
            const std::string why = query.result == QueryResult::Count ? " (the number of rows affected)" : "";
            if (has_columns)
                diags_.error(query.columns.front().pos, "query-result",
                             "query " + q(query.name) + " returns " + kind + why + ", so it takes no 'columns'");
            if (query.row)
                diags_.error(query.row_pos, "query-result", "query " + q(query.name) + " returns " + kind + why + ", so it takes no 'row'");
            return;
        }
        if (!has_columns && !query.row)
            diags_.error(query.result_pos, "query-result", "query " + q(query.name) + " returns " + kind +
                                                               ", so it needs 'columns' (the result columns) or 'row' (a table)");
        if (has_columns && query.row)
            diags_.error(query.row_pos, "query-result", "query " + q(query.name) + " has both 'columns' and 'row'; give one of them");
        if (query.row) {
            if (const Table* t = schema_.resolve_table(*query.row, query.schema, rules_.default_schema())) query.row = t->name;
            else
                diags_.error(query.row_pos, "unknown-table",
                             with_hint("query " + q(query.name) + " returns rows of table " + q(query.row->display()) +
                                           ", which does not exist", query.row->name, table_words_));
        }
    }

    // Where the '$' at `offset` of the SQL was written, if the loader could tell.
    SourcePos at_dollar(const Query& query, std::size_t offset) const {
        const std::size_t index = static_cast<std::size_t>(std::count(query.sql.begin(), query.sql.begin() + offset, '$'));
        if (index < query.sql_dollar_pos.size() &&
            query.sql_dollar_pos.size() == static_cast<std::size_t>(std::count(query.sql.begin(), query.sql.end(), '$')))
            return query.sql_dollar_pos[index];
        return query.sql_pos.line ? query.sql_pos : query.pos;
    }

    void check_placeholders(const Query& query) {
        const SourcePos sql_at = query.sql_pos.line ? query.sql_pos : query.pos;
        if (loaded_.at(sql_at)) return;   // the loader reported the SQL missing or not text
        if (query.sql.find_first_not_of(" \t\r\n") == std::string::npos) {
            diags_.error(sql_at, "empty-sql", "query " + q(query.name) + " has an empty sql");
            return;
        }
        const PlaceholderScan scan = rules_.scan_placeholders(query.sql);
        std::set<std::uint32_t> used, reported;
        for (const auto& p : scan.placeholders) {
            const SourcePos at = at_dollar(query, p.offset);
            if (p.number == 0) {
                diags_.error(at, "bad-placeholder", "query " + q(query.name) + " uses " + p.text + "; parameters are numbered from $1");
            } else if (p.text[1] == '0') {
                diags_.error(at, "bad-placeholder", "query " + q(query.name) + " writes " + p.text + "; write $" +
                                                        p.text.substr(p.text.find_first_not_of('0', 1)) + " (no leading zeros)");
                used.insert(p.number);
            } else if (p.number > query.params.size()) {
                if (reported.insert(p.number).second)
                    diags_.error(at, "placeholder-out-of-range", "query " + q(query.name) + " uses " + p.text + " but declares " +
                                                                     params_phrase(query.params.size()));
            } else {
                used.insert(p.number);
            }
        }
        if (scan.unterminated) {
            const auto& u = *scan.unterminated;
            const auto line = 1 + std::count(query.sql.begin(), query.sql.begin() + static_cast<std::ptrdiff_t>(u.offset), '\n');
            const SourcePos at = query.sql[u.offset] == '$' ? at_dollar(query, u.offset) : sql_at;
            diags_.error(at, "bad-sql", "the " + u.what + " starting on line " + std::to_string(line) + " of the SQL of query " +
                                            q(query.name) + " is never closed");
            return;   // what follows it was not scanned: "never used" would be a guess
        }
        for (std::size_t i = 0; i < query.params.size(); ++i)
            if (!used.count(static_cast<std::uint32_t>(i + 1)))
                diags_.error(query.params[i].pos, "unused-param",
                             "param $" + std::to_string(i + 1) + " (" + query.params[i].name + ") is never used in the SQL");
    }

    void check_query(Query& query) {
        name(query.name, query.pos, "query");
        fields(query, query.params, "param", "duplicate-param");
        fields(query, query.columns, "column", "duplicate-column");
        check_result(query);
        check_placeholders(query);
    }
};

}  // namespace

const char* query_result_name(QueryResult r) {
    switch (r) {
        case QueryResult::None: return "none";
        case QueryResult::One: return "one";
        case QueryResult::Optional: return "optional";
        case QueryResult::Many: return "many";
        case QueryResult::Count: return "count";
    }
    return "none";
}

std::optional<QueryResult> parse_query_result(std::string_view text) {
    for (QueryResult r : {QueryResult::None, QueryResult::One, QueryResult::Optional, QueryResult::Many, QueryResult::Count})
        if (text == query_result_name(r)) return r;
    return std::nullopt;
}

bool is_cpp_keyword(std::string_view word) {
    return std::binary_search(std::begin(kCppKeywords), std::end(kCppKeywords), word);
}

std::optional<std::string> check_cpp_name(std::string_view name) {
    const bool shape = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
                       std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    if (!shape) return std::string("must be a lower-case identifier ([a-z_][a-z0-9_]*) to become a C++ name");
    if (is_cpp_keyword(name)) return std::string("is a C++ keyword");
    if (name.find("__") != std::string_view::npos) return std::string("contains '__', which C++ reserves for the implementation");
    return std::nullopt;
}

void analyze_queries(Schema& schema, const SchemaRules& rules, const ReportedBefore& loaded, Diagnostics& diags) {
    QueryAnalyzer(schema, rules, loaded, diags).run();
}

}  // namespace schemac
