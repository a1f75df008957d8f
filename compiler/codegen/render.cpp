#include "codegen/render.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <schemac/core/migration_set.hpp>
#include <sstream>

#include "codegen/cpp_names.hpp"

// Defined by the source CMake writes from templates/cpp/*/*.mustache
// (cmake/embed_migrations.cmake): names are "<driver>/<template>.mustache".
std::vector<schemac::MigrationFile> schemac_default_templates();

namespace schemac::codegen {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr const char* kSuffix = ".mustache";

// Text that the templates print inside C++ comments (comments, SQL names,
// types, labels): inert whatever it holds (cpp_comment_text).
data comment(const std::string& s) { return data(cpp_comment_text(s)); }
// An empty comment is "true" for a Mustache section: it becomes false instead.
data comment_or_false(const std::string& s) { return s.empty() ? data(false) : comment(s); }

// Mustache's "standalone tag" rule: a line holding only a section tag
// ({{#x}}, {{^x}}, {{/x}}) prints nothing, not even its newline. kainjow 4.1
// applies it to sections that render but not to false or empty ones (they
// leave a blank line). So each such line gets a marker before rendering, and
// every line that renders as just the marker is dropped afterwards.
constexpr char kTagLine = '\x01';

std::string mark_standalone_tags(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        const std::size_t b = line.find_first_not_of(" \t");
        const std::size_t e = line.find_last_not_of(" \t");
        const std::string_view tag = b == std::string_view::npos ? std::string_view() : line.substr(b, e - b + 1);
        out += line;
        if (tag.size() > 5 && tag.starts_with("{{") && tag.ends_with("}}") && (tag[2] == '#' || tag[2] == '^' || tag[2] == '/') &&
            tag.find("}}") == tag.size() - 2)
            out += kTagLine;
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

std::string drop_tag_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const bool has_newline = end != std::string::npos;
        if (!has_newline) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        if (line.find(kTagLine) == std::string_view::npos) {
            out += line;
            if (has_newline) out += '\n';
        } else if (line.find_first_not_of(std::string(" \t") + kTagLine) != std::string_view::npos) {
            // Text and a tag on one line: keep the text.
            for (char c : line)
                if (c != kTagLine) out += c;
            if (has_newline) out += '\n';
        }
        start = end + 1;
    }
    return out;
}

data list_of(const std::vector<std::string>& items) {
    data l(data::type::list);
    for (const auto& s : items) l.push_back(s);
    return l;
}

template <class T, class F>
data list_of(const std::vector<T>& items, F&& to_data) {
    data l(data::type::list);
    for (const auto& i : items) l.push_back(to_data(i));
    return l;
}

data field_data(const FieldView& f) {
    data d;
    d.set("name", f.name);
    d.set("sql_name", f.sql_name);
    d.set("sql_name_literal", cpp_string_literal(f.sql_name));
    d.set("column_literal", cpp_string_literal(f.sql_name.front() == '"' ? f.sql_name.substr(1, f.sql_name.size() - 2) : f.sql_name));
    d.set("type", f.type);
    d.set("new_type", f.new_type);
    d.set("param_type", f.param_type);
    d.set("comment", comment_or_false(f.comment));
    d.set("pg_type", comment(f.pg_type));
    d.set("index", std::to_string(f.index));
    return d;
}

data statement_data(const StatementView& s) {
    data d;
    d.set("name", s.name);
    d.set("sql", s.sql);
    d.set("sql_literal", cpp_string_literal(s.sql));
    return d;
}

data method_data(const KeyMethodView& m) {
    data d;
    d.set("method", m.method);
    d.set("params_decl", m.params_decl);
    d.set("args", list_of(m.args));
    d.set("key_comment", comment(m.key_comment));
    d.set("statement", statement_data(m.statement));
    return d;
}

data table_data(const TableView& t) {
    data d;
    d.set("sql_name", comment(t.sql_name));
    d.set("header", t.header_include);
    d.set("cpp_namespace", t.cpp_namespace);
    d.set("row", t.row);
    d.set("new_row", t.new_row);
    d.set("dao", t.dao);
    d.set("comment", comment_or_false(t.comment));
    d.set("includes", list_of(t.includes));
    d.set("fields", list_of(t.fields, field_data));
    d.set("field_count", std::to_string(t.fields.size()));
    d.set("new_fields", list_of(t.new_fields, field_data));
    d.set("insert_prefix_literal", cpp_string_literal(t.insert_prefix));
    d.set("returning_literal", cpp_string_literal(t.returning));
    d.set("table_literal", cpp_string_literal(t.copy_target_table));
    d.set("stream_source_literal", cpp_string_literal(t.stream_source));
    d.set("count", statement_data(t.count));
    d.set("stream", statement_data(t.stream));
    d.set("finds", list_of(t.finds, method_data));
    d.set("lists", list_of(t.lists, method_data));
    d.set("deletes", list_of(t.deletes, method_data));
    d.set("has_update", t.has_update);
    if (t.has_update) d.set("update", method_data(t.update));
    d.set("has_upsert", t.has_upsert);
    if (t.has_upsert) d.set("upsert", method_data(t.upsert));
    d.set("unique_upserts", list_of(t.unique_upserts, [&](const UpsertView& u) {
        data ud;
        ud.set("method", u.method);
        ud.set("key_comment", comment(u.key_comment));
        ud.set("conflict_literal", cpp_string_literal(u.conflict_sql));
        ud.set("noop_set_literal", cpp_string_literal(u.noop_set));
        ud.set("fields", list_of(t.new_fields, [&](const FieldView& f) {
            data fd = field_data(f);
            const bool key = std::find(u.key_fields.begin(), u.key_fields.end(), f.index) != u.key_fields.end();
            fd.set("updatable", key ? "false" : "true");
            return fd;
        }));
        return ud;
    }));
    return d;
}

data enum_file_data(const EnumFileView& f) {
    data d;
    d.set("cpp_namespace", f.cpp_namespace);
    d.set("enums", list_of(f.enums, [](const EnumView& e) {
        data ed;
        ed.set("name", e.name);
        ed.set("qualified", e.qualified);
        ed.set("cpp_namespace", e.cpp_namespace);
        ed.set("sql_name", comment(e.sql_name));
        ed.set("sql_name_body", cpp_string_body(e.sql_name));
        ed.set("from_string", e.from_string);
        ed.set("comment", comment_or_false(e.comment));
        // Values have no "name" key, so {{name}} inside them is still the enum's.
        ed.set("values", list_of(e.values, [](const EnumValueView& v) {
            data vd;
            vd.set("value_name", v.name);
            vd.set("label", comment(v.label));
            vd.set("label_literal", cpp_string_literal(v.label));
            vd.set("renamed", v.name != v.label);
            return vd;
        }));
        return ed;
    }));
    return d;
}

data query_file_data(const QueryFileView& f) {
    data d;
    d.set("header", f.header_include);
    d.set("cpp_namespace", f.cpp_namespace);
    d.set("includes", list_of(f.includes));
    d.set("queries", list_of(f.queries, [](const QueryView& q) {
        data qd;
        qd.set("method", q.method);
        qd.set("comment", comment_or_false(q.comment));
        qd.set("params_decl", q.params_decl);
        qd.set("args", list_of(q.args));
        qd.set("statement", statement_data(q.statement));
        for (const char* r : {"none", "one", "optional", "many", "count"}) qd.set(std::string("is_") + r, q.result == r);
        qd.set("has_rows", !q.row.empty());
        qd.set("row", q.row);
        qd.set("dao", q.dao);
        qd.set("return_type", q.return_type);
        qd.set("own_row", q.own_row);
        qd.set("fields", list_of(q.fields, field_data));
        return qd;
    }));
    return d;
}

data migrations_data(const ViewModel& vm) {
    data d;
    d.set("header", vm.migrations.header);
    d.set("cpp_namespace", vm.options.cpp_namespace);
    d.set("migrations", list_of(vm.migrations.migrations, [](const MigrationView& m) {
        data md;
        md.set("version", std::to_string(m.version));
        md.set("name_literal", cpp_string_literal(m.name));
        md.set("up_file_literal", cpp_string_literal(m.up_file));
        md.set("up_literal", m.up_literal);
        md.set("down_file_literal", cpp_string_literal(m.down_file));
        md.set("down_literal", m.down_file.empty() ? std::string("\"\"") : m.down_literal);
        md.set("checksum_literal", cpp_string_literal(m.checksum));
        return md;
    }));
    return d;
}

class Renderer {
public:
    Renderer(const ViewModel& vm, const Templates& templates, Diagnostics& diags) : vm_(vm), templates_(templates), diags_(diags) {}

    void file(const std::string& tmpl, const std::string& path, const std::string& from, data d) {
        auto it = compiled_.find(tmpl);
        if (it == compiled_.end()) it = compiled_.emplace(tmpl, compile(tmpl)).first;
        if (!it->second) return;
        // "—" is U+2014 in UTF-8: the banner is the one non-ASCII text we print.
        d.set("banner", "// generated by schemac " + vm_.options.version + " from " + cpp_comment_text(from) + " \xe2\x80\x94 do not edit");
        std::string text = drop_tag_lines(it->second->render(d));
        if (!it->second->is_valid()) {
            diags_.error(where(tmpl), "codegen-template", tmpl + kSuffix + ": " + it->second->error_message());
            return;
        }
        files_.push_back({path, std::move(text)});
    }

    std::vector<GeneratedFile> take() {
        std::sort(files_.begin(), files_.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        return std::move(files_);
    }

private:
    std::unique_ptr<mustache> compile(const std::string& tmpl) {
        auto t = templates_.find(tmpl);
        if (t == templates_.end()) {
            diags_.error(where(tmpl), "codegen-template", "no template " + tmpl + kSuffix);
            return nullptr;
        }
        const std::string marked = mark_standalone_tags(t->second);
        auto m = std::make_unique<mustache>(marked);
        if (!m->is_valid()) {
            std::string message = m->error_message();
            const SourcePos at = syntax_error_pos(tmpl, marked, message);
            diags_.error(at, "codegen-template", message);
            return nullptr;
        }
        // Code, not HTML: print every value as it is.
        m->set_custom_escape([](const std::string& s) { return s; });
        return m;
    }
    static SourcePos where(const std::string& tmpl) { return {std::make_shared<const std::string>(tmpl + kSuffix), 0, 0}; }

    // kainjow reports a syntax error as "<what> at N", N a byte offset into the
    // text it compiled (the template with standalone-tag markers): the position
    // in the template file as line:column, and the message without the offset.
    static SourcePos syntax_error_pos(const std::string& tmpl, const std::string& marked, std::string& message) {
        SourcePos at = where(tmpl);
        const std::size_t k = message.rfind(" at ");
        std::size_t offset = 0;
        if (k == std::string::npos) return at;
        const char* end = message.data() + message.size();
        if (auto [p, ec] = std::from_chars(message.data() + k + 4, end, offset); ec != std::errc() || p != end) return at;
        message.resize(k);
        at.line = 1;
        at.column = 1;
        for (std::size_t i = 0; i < offset && i < marked.size(); ++i) {
            if (marked[i] == kTagLine) continue;
            if (marked[i] == '\n') {
                ++at.line;
                at.column = 1;
            } else {
                ++at.column;
            }
        }
        return at;
    }

    const ViewModel& vm_;
    const Templates& templates_;
    Diagnostics& diags_;
    std::map<std::string, std::unique_ptr<mustache>> compiled_;
    std::vector<GeneratedFile> files_;
};

std::string join_files(const std::vector<std::string>& files) {
    std::string out;
    for (const auto& f : files) out += (out.empty() ? "" : ", ") + f;
    return out;
}

}  // namespace

std::vector<std::string> template_drivers() {
    std::vector<std::string> drivers;
    for (const auto& f : schemac_default_templates()) {
        std::string driver = f.name.substr(0, f.name.find('/'));
        if (drivers.empty() || drivers.back() != driver) drivers.push_back(std::move(driver));   // sorted by name
    }
    return drivers;
}

Templates default_templates(std::string_view driver) {
    Templates t;
    const std::string prefix = std::string(driver) + "/";
    for (const auto& f : schemac_default_templates())
        if (f.name.starts_with(prefix))
            t[f.name.substr(prefix.size(), f.name.size() - prefix.size() - std::string_view(kSuffix).size())] = f.contents;
    return t;
}

Templates load_templates(std::string_view driver, const std::string& dir, Diagnostics& diags) {
    Templates t = default_templates(driver);
    const SourcePos at{std::make_shared<const std::string>(dir), 0, 0};
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) paths.push_back(e.path());
    if (ec) {
        diags.error(at, "codegen-templates", "cannot read the templates directory: " + ec.message());
        return t;
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
        const std::string file = p.filename().string();
        if (!file.ends_with(kSuffix)) continue;
        const std::string name = file.substr(0, file.size() - std::string_view(kSuffix).size());
        if (!t.count(name)) {
            std::string known;
            for (const auto& [n, _] : t) known += (known.empty() ? "" : ", ") + n + kSuffix;
            diags.error({std::make_shared<const std::string>(p.string()), 0, 0}, "codegen-templates",
                        "not a schemac template (the templates are " + known + ")");
            continue;
        }
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        if (!in) diags.error({std::make_shared<const std::string>(p.string()), 0, 0}, "codegen-templates", "cannot read the file");
        t[name] = ss.str();
    }
    return t;
}

std::vector<GeneratedFile> render(const ViewModel& vm, const Templates& templates, Diagnostics& diags) {
    Renderer r(vm, templates, diags);
    std::vector<std::string> headers;
    for (const auto& f : vm.enum_files) {
        r.file("enums.hpp", f.header, join_files(f.source_files), enum_file_data(f));
        headers.push_back(f.header);
    }
    for (const auto& t : vm.tables) {
        data d = table_data(t);
        r.file("table.hpp", t.header, t.source_file, d);
        r.file("table.cpp", t.source, t.source_file, d);
        headers.push_back(t.header);
    }
    for (const auto& q : vm.query_files) {
        data d = query_file_data(q);
        r.file("queries.hpp", q.header, q.source_file, d);
        r.file("queries.cpp", q.source, q.source_file, d);
        headers.push_back(q.header);
    }
    if (vm.has_migrations) {
        data d = migrations_data(vm);
        r.file("migrations.hpp", vm.migrations.header, vm.migrations.directory, d);
        r.file("migrations.cpp", vm.migrations.source, vm.migrations.directory, d);
        headers.push_back(vm.migrations.header);
    }
    std::sort(headers.begin(), headers.end());
    data all;
    all.set("headers", list_of(headers));
    r.file("all.hpp", "all.hpp", "the schema", all);
    return r.take();
}

}  // namespace schemac::codegen
