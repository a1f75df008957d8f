#include "cli/json_output.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "diag/text.hpp"

namespace schemac::cli::json {

namespace {

// Members keep the order they are added in: output reads in the order docs/cli.md explains it.
using Json = nlohmann::ordered_json;

// Valid UTF-8: each byte that is not UTF-8 becomes the text \xNN (docs/cli.md).
std::string utf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Utf8Char ch = utf8_at(s, i);
        if (ch.length == 0) {
            out += hex_byte(static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        out.append(s, i, ch.length);
        i += ch.length;
    }
    return out;
}

Json strings(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& s : v) a.push_back(utf8(s));
    return a;
}

// nlohmann escapes only what JSON requires (C0 controls, '"', '\\'). DEL, the
// C1 controls and bidirectional controls are escaped too, so that a document
// shown in a terminal or a pull request displays as it is stored. They can
// only occur inside strings, so escaping them in the dumped text is safe.
std::string dumped(const Json& j) {
    // replace: only a last resort, every string was made valid UTF-8 above.
    const std::string text = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char ch = utf8_at(text, i);
        const std::size_t n = ch.length == 0 ? 1 : ch.length;
        if (ch.length != 0 && ch.code_point >= 0x7f && is_unprintable(ch.code_point)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch.code_point));
            out += buf;
        } else {
            out.append(text, i, n);
        }
        i += n;
    }
    return out + '\n';
}

Json diagnostic(const Diagnostic& d) {
    Json j = {{"file", utf8(d.pos.file_name())}, {"line", d.pos.line},          {"column", d.pos.column},
              {"severity", severity_name(d.severity)}, {"code", utf8(d.code)}, {"message", utf8(d.message)}};
    if (!d.notes.empty()) {
        Json notes = Json::array();
        for (const auto& n : d.notes) notes.push_back(diagnostic(n));
        j["notes"] = notes;
    }
    return j;
}

void add_diagnostics(Json& j, const Diagnostics& diags) {
    Json list = Json::array();
    for (const auto& d : diags.all()) list.push_back(diagnostic(d));
    j["diagnostics"] = list;
    j["errors"] = diags.error_count();
    j["warnings"] = diags.warning_count();
}

Json history_row(Json j, const HistoryRow& r) {
    j["checksum"] = utf8(r.checksum);
    j["applied_at"] = utf8(r.applied_at);
    j["execution_time_ms"] = r.execution_time_ms;
    j["applied_by"] = utf8(r.applied_by);
    j["success"] = r.success;
    j["baseline"] = r.baseline;
    if (r.statements_total) {
        j["statements_done"] = r.statements_done.value_or(0);
        j["statements_total"] = *r.statements_total;
    }
    if (!r.error.empty()) j["error"] = utf8(r.error);
    if (r.rolling_back) j["rolling_back"] = true;
    return j;
}

Json repair_changes(const std::vector<RepairChange>& v) {
    Json a = Json::array();
    for (const auto& c : v)
        a.push_back({{"version", c.version}, {"name", utf8(c.name)}, {"action", utf8(c.action)}, {"detail", utf8(c.detail)}});
    return a;
}

Json plan_step(const sql::PlanStep& s) {
    Json hazards = Json::array();
    for (const auto& h : s.hazards) hazards.push_back({{"kind", sql::hazard_name(h.kind)}, {"message", utf8(h.message)}});
    Json j = {{"summary", utf8(s.summary)}, {"sql_up", strings(s.up)}, {"sql_down", strings(s.down)}};
    j["up_note"] = utf8(s.up_note);
    j["down_note"] = utf8(s.down_note);
    j["hazards"] = hazards;
    j["transactional"] = s.transactional;
    j["destructive"] = s.destructive;
    j["down_destructive"] = s.down_destructive;
    return j;
}

Json tree(const YamlTree& t) {
    switch (t.kind) {
        case YamlTree::Kind::Null: return nullptr;
        case YamlTree::Kind::Scalar: return utf8(t.text);
        case YamlTree::Kind::List: {
            Json a = Json::array();
            for (const auto& i : t.items) a.push_back(tree(i));
            return a;
        }
        case YamlTree::Kind::Map: {
            Json o = Json::object();
            for (std::size_t i = 0; i < t.keys.size(); ++i) o[utf8(t.keys[i])] = tree(t.items[i]);
            return o;
        }
    }
    return nullptr;
}

}  // namespace

std::string diagnostics(const Diagnostics& diags) {
    Json j = Json::object();
    add_diagnostics(j, diags);
    return dumped(j);
}

std::string error(const std::string& kind, const std::string& message, const Diagnostics* diags) {
    Json j = {{"error", {{"kind", utf8(kind)}, {"message", utf8(message)}}}};
    if (diags != nullptr && !diags->all().empty()) add_diagnostics(j, *diags);
    return dumped(j);
}

namespace {

Json status_json(const Status& st, const std::string& history_table) {
    Json migrations = Json::array();
    int pending = 0;
    for (const auto& e : st.entries) {
        if (e.state == MigrationState::pending) ++pending;
        Json m = {{"version", e.version},          {"name", utf8(e.name)},
                  {"state", state_name(e.state)}, {"file", utf8(e.file)},
                  {"file_checksum", utf8(e.file_checksum)}, {"out_of_order", e.out_of_order}};
        migrations.push_back(e.row ? history_row(std::move(m), *e.row) : m);
    }
    Json j = {{"database", utf8(st.database)}, {"history_table", utf8(history_table)}, {"history_exists", st.history_exists},
              {"current_version", st.current_version}};
    j["migrations"] = migrations;
    j["pending"] = pending;
    return j;
}

}  // namespace

std::string status(const Status& st, const std::string& history_table) { return dumped(status_json(st, history_table)); }

std::string status(const Status& st, const std::string& history_table, const std::vector<LogEntry>& log) {
    Json j = status_json(st, history_table);
    Json entries = Json::array();
    for (const LogEntry& e : log) {
        entries.push_back({{"id", e.id},
                           {"version", e.version},
                           {"name", utf8(e.name)},
                           {"action", e.action},
                           {"outcome", e.outcome},
                           {"finished_at", e.finished_at},
                           {"execution_time_ms", e.execution_time_ms},
                           {"performed_by", utf8(e.performed_by)},
                           {"client", utf8(e.client)},
                           {"checksum", e.checksum},
                           {"rollback_available", e.rollback_available},
                           {"error", utf8(e.error)}});
    }
    j["log"] = entries;
    return dumped(j);
}

std::string run(const RunResult& r, bool dry_run, const BackupReport* backup) {
    Json steps = Json::array();
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const auto& s = r.steps[i];
        Json step = {{"version", s.version},
                     {"name", utf8(s.name)},
                     {"file", utf8(s.script->file)},
                     {"transactional", s.script->transactional},
                     {"statements", s.statements},
                     {"first_statement", s.first_statement}};
        if (i < r.elapsed_ms.size()) step["execution_time_ms"] = r.elapsed_ms[i];
        steps.push_back(step);
    }
    Json j = {{"database", utf8(r.database)}, {"dry_run", dry_run}, {"from_version", r.from_version}, {"to_version", r.to_version}};
    j["steps"] = steps;
    j["warnings"] = strings(r.warnings);
    j["environment_seeds"] = nullptr;
    if (r.after)
        j["environment_seeds"] = {{"what", utf8(r.after->what)}, {"statements", r.after->statements.size()}, {"written", r.after_ran && !dry_run},
                                  {"version", r.after->version}};
    j["backup"] = nullptr;
    if (backup) {
        j["backup"] = {{"file", utf8(backup->file)}, {"command", utf8(backup->command)}, {"written", backup->written}};
        if (backup->written) {
            j["backup"]["bytes"] = backup->bytes;
            j["backup"]["execution_time_ms"] = backup->execution_time_ms;
        }
    }
    return dumped(j);
}

std::string repair(const RepairResult& r, bool dry_run) {
    Json j = {{"database", utf8(r.database)}, {"dry_run", dry_run}};
    j["changes"] = repair_changes(r.changes);
    j["unresolved"] = repair_changes(r.unresolved);
    return dumped(j);
}

std::string verify(const VerifyReport& r) {
    Json j = {{"database", utf8(r.database)}, {"version", r.version}, {"drift", !r.differences.empty()}};
    j["differences"] = strings(r.differences);
    j["not_compared"] = strings(r.not_compared);
    return dumped(j);
}

std::string plan(const PlanReport& r) {
    Json j = Json::object();
    if (!r.refused.empty()) j["error"] = {{"kind", "destructive"}, {"message", utf8(r.refused)}};
    if (r.diff) {
        Json migrations = Json::array();
        for (const auto& m : r.migrations)
            migrations.push_back({{"version", m.version}, {"name", utf8(m.name)}, {"up", utf8(m.up)}, {"down", utf8(m.down)}});
        j["dry_run"] = r.dry_run;
        j["written"] = r.written;
        j["migrations"] = migrations;
        j["removed"] = strings(r.removed);
    } else {
        j["down"] = r.down;
    }
    Json steps = Json::array();
    bool destructive = false;
    if (r.plan != nullptr)
        for (const auto& s : r.plan->steps) {
            steps.push_back(plan_step(s));
            destructive = destructive || (r.down ? s.down_destructive : s.destructive);
        }
    j["steps"] = steps;
    j["destructive"] = destructive;
    return dumped(j);
}

std::string show(const Schema& schema, std::size_t files, const std::string& summary) {
    Json tables = Json::array(), enums = Json::array();
    std::set<std::string> namespaces;
    std::size_t indexes = 0, seed_rows = 0;
    for (const auto& e : schema.enums) {
        namespaces.insert(e.name.schema);
        Json values = Json::array();
        for (const auto& v : e.values) values.push_back(utf8(v.name));
        enums.push_back({{"schema", utf8(e.name.schema)}, {"name", utf8(e.name.name)}, {"values", values}});
    }
    for (const auto& t : schema.tables) {
        namespaces.insert(t.name.schema);
        Json columns = Json::array(), index_names = Json::array();
        for (const auto& c : t.columns)
            columns.push_back({{"name", utf8(c.name)}, {"type", utf8(c.type.display())}, {"nullable", c.nullable}});
        for (const auto& i : t.indexes) index_names.push_back(utf8(i.name));
        indexes += t.indexes.size();
        const std::size_t seeds = t.seed ? t.seed->rows.size() : 0;
        seed_rows += seeds;
        tables.push_back({{"schema", utf8(t.name.schema)}, {"name", utf8(t.name.name)}, {"columns", columns},
                          {"indexes", index_names}, {"seed_rows", seeds}});
    }
    Json queries = Json::array();
    for (const auto& q : schema.queries) queries.push_back(utf8(q.name));
    Json j = {{"summary", utf8(summary)}};
    j["counts"] = {{"tables", schema.tables.size()}, {"enums", schema.enums.size()}, {"indexes", indexes},
                   {"seed_rows", seed_rows},         {"queries", schema.queries.size()}, {"schemas", namespaces.size()},
                   {"files", files}};
    Json extensions = Json::array();
    for (const auto& e : schema.extensions)
        extensions.push_back({{"name", utf8(e.name.name)}, {"version", utf8(e.version)}, {"schema", utf8(e.schema)}});
    j["extensions"] = extensions;
    j["tables"] = tables;
    j["enums"] = enums;
    j["queries"] = queries;
    return dumped(j);
}

std::string init(const std::vector<std::string>& written, const std::vector<std::string>& next) {
    Json j = {{"written", strings(written)}};
    j["next"] = strings(next);
    return dumped(j);
}

std::string new_migration(const std::vector<std::string>& written) {
    return dumped({{"written", strings(written)}});
}

std::string hash(const std::vector<std::pair<std::string, std::string>>& changes, const std::vector<std::string>& written) {
    Json list = Json::array();
    for (const auto& [what, file] : changes) list.push_back({{"change", utf8(what)}, {"file", utf8(file)}});
    Json j = {{"changes", list}};
    j["written"] = strings(written);
    return dumped(j);
}

std::string import(const ImportReport& r) {
    Json j = {{"source", utf8(r.source)}, {"out", utf8(r.out)}, {"tables", r.tables}, {"enums", r.enums}};
    j["written"] = strings(r.written);
    return dumped(j);
}

std::string generate(const GenerateReport& r) {
    Json j = {{"out", utf8(r.out)}, {"mode", r.mode}};
    j["files"] = strings(r.files);
    j["missing"] = strings(r.missing);
    j["changed"] = strings(r.changed);
    j["extra"] = strings(r.extra);
    // --list compares nothing: whether the output is fresh is unknown.
    if (r.mode == "list") j["fresh"] = nullptr;
    else j["fresh"] = r.missing.empty() && r.changed.empty() && r.extra.empty();
    return dumped(j);
}

std::string inspect(const std::string& source, const std::vector<YamlTree>& documents) {
    Json docs = Json::array();
    for (const auto& d : documents) docs.push_back(tree(d));
    Json j = {{"source", utf8(source)}};
    j["documents"] = docs;
    return dumped(j);
}

}  // namespace schemac::cli::json

namespace schemac::cli {

int report_failure(const std::string& format, const Diagnostics& diags, const std::string& message) {
    std::cerr << render_text(diags);
    if (format == "json") std::cout << json::error("failure", message, &diags);
    return kFailure;
}

int report_error(const std::string& format, const std::string& kind, const std::string& message, int code) {
    if (format == "json") std::cout << json::error(kind, message);
    else std::cerr << "schemac: error: " << message << '\n';
    return code;
}

}  // namespace schemac::cli
