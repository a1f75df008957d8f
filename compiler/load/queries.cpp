#include "load/queries.hpp"

#include <schemac/core/ascii.hpp>


#include "load/yaml_keys.hpp"
#include "model/queries.hpp"

namespace schemac {

namespace {

const std::vector<std::string> kResultWords = {"none", "one", "optional", "many", "count"};

class QueryReader {
public:
    QueryReader(YamlWalk& w, std::string schema, SourcePos schema_pos)
        : w_(w), diags_(w.diags()), schema_(std::move(schema)), schema_pos_(std::move(schema_pos)) {}

    void read_all(const YAML::Node& n, const SourcePos& at, std::vector<Query>& out) {
        if (!w_.expect(n, YAML::NodeType::Map, at, "queries")) return;
        w_.each_entry(n, "queries", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            Query query;
            query.name = name;
            query.schema = schema_;
            query.schema_pos = schema_pos_;
            query.pos = kp;
            query.result_pos = kp;
            if (w_.expect(v, YAML::NodeType::Map, kp, "query '" + name + "'")) read_query(v, query);
            else query.sql_pos = w_.pos(v, kp);   // where its SQL would be, and the error already is
            out.push_back(std::move(query));
        });
    }

private:
    YamlWalk& w_;
    Diagnostics& diags_;
    std::string schema_;
    SourcePos schema_pos_;

    void read_query(const YAML::Node& n, Query& query) {
        bool has_sql = false, bad_result = false;
        w_.each_entry(n, "query", kQueryKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "comment") {
                w_.scalar(v, kp, "comment", query.comment);
            } else if (key == "params") {
                read_fields(v, kp, "params", "param", query.params);
            } else if (key == "columns") {
                read_fields(v, kp, "columns", "column", query.columns);
                if (v.IsMap() && v.size() == 0) diags_.error(w_.pos(v, kp), "empty-list", "columns must not be empty");
            } else if (key == "returns") {
                bad_result = !read_result(v, kp, query);
            } else if (key == "row") {
                std::string s;
                if (!w_.scalar(v, kp, "row", s)) return;
                query.row_pos = w_.pos(v, kp);
                if (auto qn = parse_qualified_name(ascii_trim(s))) query.row = *qn;
                else diags_.error(query.row_pos, "bad-value", "row '" + s + "' is not a table name");
            } else if (key == "sql") {
                has_sql = true;
                query.sql_pos = w_.pos(v, kp);
                if (v.IsNull()) return;   // `sql:` with nothing: the analysis says "empty sql"
                std::string s;
                if (!w_.scalar(v, kp, "sql", s)) return;   // reported at sql_pos: analysis adds no "empty sql"
                query.sql = ascii_trim(s);
                query.sql_dollar_pos = dollar_positions(v, query.sql);
            }
        });
        // A misspelt kind is reported once: take the one that fits what the
        // query gives, so the shape check does not add a second error.
        if (bad_result) query.result = query.columns.empty() && !query.row ? QueryResult::None : QueryResult::Many;
        // At query.pos, where a query without sql_pos has its SQL reported:
        // analysis adds no "empty sql".
        if (!has_sql) diags_.error(query.pos, "missing-key", "query '" + query.name + "' needs 'sql'");
    }

    // False when the value was reported.
    bool read_result(const YAML::Node& v, const SourcePos& kp, Query& query) {
        std::string s;
        if (!w_.scalar(v, kp, "returns", s)) return false;
        query.result_pos = w_.pos(v, kp);
        if (auto r = parse_query_result(ascii_lower(ascii_trim(s)))) {
            query.result = *r;
            return true;
        }
        diags_.error(query.result_pos, "bad-value", with_hint("returns must be one of none, one, optional, many, count, not '" + s + "'",
                                                               ascii_lower(ascii_trim(s)), kResultWords));
        return false;
    }

    // `name: type` pairs in written order, a type written like a column's
    // concise form (`text?` is nullable). Repeated names are reported by
    // each_entry and dropped.
    void read_fields(const YAML::Node& n, const SourcePos& at, const char* what, const char* one, std::vector<QueryField>& out) {
        if (!w_.expect(n, YAML::NodeType::Map, at, what)) return;
        w_.each_entry(n, what, {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            QueryField f;
            f.name = name;
            f.pos = kp;
            f.type_pos = w_.pos(v, kp);
            // Kept even when its type is unusable: dropping it would renumber
            // the params after it and report their $n as well.
            if (!v.IsScalar()) {
                diags_.error(f.type_pos, "wrong-type", std::string(one) + " '" + name + "' needs a type such as text or 'text?', not " +
                                                           yaml_kind_name(v));
            } else {
                std::string text = ascii_trim(w_.text_of(v));
                if (!text.empty() && text.back() == '?') {
                    f.nullable = true;
                    text = ascii_trim(text.substr(0, text.size() - 1));
                }
                std::string error;
                if (auto t = parse_type(text, error)) f.type = *t;
                else diags_.error(f.type_pos, "unknown-type", error + w_.flow_comma_hint(v));
            }
            out.push_back(std::move(f));
        });
    }

    // The k-th '$' of the SQL is the k-th '$' of the source from where the
    // value starts: YAML quoting and folding never add or remove one (short of
    // writing it as an escape such as \x24, which the check on the next
    // character catches). A block scalar's header line may hold a comment, so
    // the search starts below it. Empty when the two do not line up.
    std::vector<SourcePos> dollar_positions(const YAML::Node& v, const std::string& sql) const {
        const std::string& text = w_.text();
        const auto mark = v.Mark();
        if (mark.pos < 0 || mark.line < 0 || mark.column < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return {};
        std::size_t k = static_cast<std::size_t>(mark.pos);
        std::uint32_t line = static_cast<std::uint32_t>(mark.line) + 1, column = static_cast<std::uint32_t>(mark.column) + 1;
        auto advance_to = [&](std::size_t target) {
            for (; k < target; ++k) {
                if (text[k] == '\n') { ++line; column = 1; }
                else ++column;
            }
        };
        if (text[k] == '|' || text[k] == '>') {
            const auto nl = text.find('\n', k);
            if (nl == std::string::npos) return {};
            advance_to(nl + 1);
        }
        std::vector<SourcePos> out;
        for (std::size_t j = sql.find('$'); j != std::string::npos; j = sql.find('$', j + 1)) {
            const auto d = text.find('$', k);
            if (d == std::string::npos) return {};
            if (j + 1 < sql.size() && is_ascii_digit(sql[j + 1]) && (d + 1 >= text.size() || text[d + 1] != sql[j + 1]))
                return {};
            advance_to(d);
            out.push_back({w_.file(), line, column});
            advance_to(d + 1);
        }
        return out;
    }
};

}  // namespace

void read_queries(YamlWalk& walk, const YAML::Node& n, const SourcePos& at, const std::string& schema, const SourcePos& schema_pos,
                  std::vector<Query>& out) {
    QueryReader(walk, schema, schema_pos).read_all(n, at, out);
}

}  // namespace schemac
