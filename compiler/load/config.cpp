#include <charconv>
#include "load/config.hpp"

#include <schemac/core/ascii.hpp>

#include "load/source_file.hpp"
#include "load/yaml_documents.hpp"
#include "load/yaml_keys.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <set>
#include <sstream>

#include "model/rules.hpp"

namespace schemac {

namespace {

namespace fs = std::filesystem;
using Keys = std::initializer_list<const char*>;

const Keys& kTopKeys = kConfigKeys;

// The history table is the migration runtime's, which writes to PostgreSQL
// only: its names follow PostgreSQL's limit whatever `dialect:` says.
constexpr std::size_t kHistoryNameBytes = 63;
constexpr const char* kDurationForms = "use a positive integer with ms, s, m or h, e.g. \"60s\" (at most 24h)";

// A URL may hold a password, and so may a libpq key=value string: text that
// looks like either is never echoed in a message, wherever it turns up.
bool looks_like_url(const std::string& s) {
    const std::string l = ascii_lower(s);
    return l.find("://") != std::string::npos || l.find("password=") != std::string::npos;
}

bool is_env_var_name(const std::string& s) {
    auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
    if (s.empty() || !alpha(s[0])) return false;
    return std::all_of(s.begin() + 1, s.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

// The optional durations a project and an environment share, by key.
template <class Settings>
std::optional<std::chrono::milliseconds>& optional_duration(Settings& s, const std::string& key) {
    if (key == "heartbeat") return s.heartbeat;
    if (key == "warn_after") return s.warn_after;
    if (key == "max_duration") return s.max_duration;
    return s.statement_timeout;
}

class ConfigReader : YamlWalk {
public:
    ConfigReader(std::shared_ptr<const std::string> file, const std::string& text, ProjectConfig& out, Diagnostics& d)
        : YamlWalk(std::move(file), text, d), out_(out) {}

    void read(const YAML::Node& doc) {
        if (doc.IsNull()) return;   // an empty file or document: every default
        if (!doc.IsMap()) {
            diags_.error(pos(doc, start()), "wrong-type",
                         std::string("the config file must be a mapping with keys ") + join_keys(kTopKeys) + ", not " + yaml_kind_name(doc));
            return;
        }
        each_entry(doc, "the config file", kTopKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "dialect" && scalar(v, kp, key, out_.dialect)) out_.dialect_pos = pos(v, kp);
            else if (key == "schema") path(v, kp, key, out_.schema_dir);
            else if (key == "migrations") path(v, kp, key, out_.migrations_dir);
            else if (key == "history_table") history_table(v, kp);
            else if (key == "lock_timeout") duration(v, kp, key, "", out_.lock_timeout);
            else if (key == "statement_lock_timeout") duration(v, kp, key, "", out_.statement_lock_timeout);
            else if (key == "lock_retries") retries(v, kp, "", out_.lock_retries);
            else if (key == "statement_timeout" || key == "heartbeat" || key == "warn_after" || key == "max_duration") {
                std::chrono::milliseconds d{};
                if (duration(v, kp, key, "", d)) optional_duration(out_, key) = d;
            }
            else if (key == "environments") environments(v, kp);
            else if (key == "codegen") {
                out_.codegen_given = true;
                codegen(v, kp);
            }
        });
    }

private:
    ProjectConfig& out_;

    // A URL may hold a password: a key that looks like one is dropped before
    // any message (an unknown or duplicate key) could echo it.
    bool accept_key(const std::string& key, const SourcePos& kp, const std::string& what, bool report) override {
        if (!looks_like_url(key)) return true;
        if (report) diags_.error(kp, "bad-value", "a key of " + what + " looks like a database URL (not shown); a URL belongs in an environment's url");
        return false;
    }

    // `what` names the setting; the value itself is never part of the message.
    bool scalar(const YAML::Node& n, const SourcePos& at, const std::string& what, std::string& out) {
        if (!n.IsScalar()) {
            diags_.error(pos(n, at), "wrong-type", what + " must be a string, not " + yaml_kind_name(n));
            return false;
        }
        out = text_of(n);
        return true;
    }

    void path(const YAML::Node& n, const SourcePos& at, const std::string& what, std::string& out) {
        std::string s;
        if (!scalar(n, at, what, s)) return;
        if (s.empty()) {
            diags_.error(pos(n, at), "bad-value", what + " must not be empty");
            return;
        }
        out = s;
    }

    // `key` names the setting; `owner` is "" at the top level, else " of environment 'NAME'".
    bool duration(const YAML::Node& n, const SourcePos& at, const std::string& key, const std::string& owner,
                  std::chrono::milliseconds& out) {
        std::string s;
        if (!scalar(n, at, key + owner, s)) return false;
        if (auto d = parse_duration(s)) {
            out = *d;
            return true;
        }
        // A URL pasted into the wrong key must not be echoed: it may hold a password.
        const std::string shown = looks_like_url(s) ? "(a value that looks like a database URL, not shown)" : "'" + s + "'";
        diags_.error(pos(n, at), "bad-duration", key + " " + shown + owner + " is not a valid duration: " + kDurationForms);
        return false;
    }

    bool retries(const YAML::Node& n, const SourcePos& at, const std::string& owner, int& out) {
        std::string s;
        if (!scalar(n, at, "lock_retries" + owner, s)) return false;
        int v = -1;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec == std::errc{} && end == s.data() + s.size() && v >= 0 && v <= 100) {
            out = v;
            return true;
        }
        const std::string shown = looks_like_url(s) ? "(a value that looks like a database URL, not shown)" : "'" + s + "'";
        diags_.error(pos(n, at), "bad-value", "lock_retries " + shown + owner + " must be a whole number from 0 to 100");
        return false;
    }

    void history_table(const YAML::Node& n, const SourcePos& at) {
        std::string s;
        if (!scalar(n, at, "history_table", s)) return;
        const SourcePos vp = pos(n, at);
        if (std::count(s.begin(), s.end(), '.') > 1) {
            diags_.error(vp, "bad-identifier", "history_table '" + s + "' must be a table name or schema.table, with at most one dot");
            return;
        }
        const auto dot = s.find('.');
        const std::string schema = dot == std::string::npos ? "public" : s.substr(0, dot);
        const std::string table = dot == std::string::npos ? s : s.substr(dot + 1);
        bool ok = true;
        for (const auto& [part, name] : {std::pair<const char*, const std::string&>{"schema", schema}, {"table", table}}) {
            if (auto why = check_identifier(name, kHistoryNameBytes, "PostgreSQL")) {
                diags_.error(vp, "bad-identifier", "history_table '" + s + "': the " + part + " name " + *why);
                ok = false;
            }
        }
        if (!ok) return;
        out_.history_schema = schema;
        out_.history_table = table;
    }

    void codegen(const YAML::Node& n, const SourcePos& at) {
        if (n.IsNull()) return;
        if (!n.IsMap()) {
            diags_.error(pos(n, at), "wrong-type", std::string("codegen must be a mapping with keys ") + join_keys(kCodegenKeys) + ", not " + yaml_kind_name(n));
            return;
        }
        each_entry(n, "codegen", kCodegenKeys, [&](const std::string& key, const SourcePos& kp, const YAML::Node& v) {
            if (key == "out") path(v, kp, "codegen out", out_.codegen_out);
            else if (key == "templates") path(v, kp, "codegen templates", out_.codegen_templates);
            else if (key == "namespace") cpp_namespace(v, kp);
            else if (key == "driver" && scalar(v, kp, "codegen driver", out_.codegen_driver)) out_.codegen_driver_pos = pos(v, kp);
        });
    }

    // A C++ namespace: identifiers separated by "::" ("db", "acme::db").
    void cpp_namespace(const YAML::Node& n, const SourcePos& at) {
        std::string s;
        if (!scalar(n, at, "codegen namespace", s)) return;
        if (!is_cpp_namespace(s)) {
            diags_.error(pos(n, at), "bad-value", "codegen namespace '" + s + "' is not a C++ namespace name such as db or acme::db");
            return;
        }
        out_.codegen_namespace = s;
    }

    void environments(const YAML::Node& n, const SourcePos& at) {
        if (n.IsNull()) return;   // `environments:` with every entry commented out
        if (!n.IsMap()) {
            diags_.error(pos(n, at), "wrong-type", std::string("environments must be a mapping of names to settings, not ") + yaml_kind_name(n));
            return;
        }
        each_entry(n, "environments", {}, [&](const std::string& name, const SourcePos& kp, const YAML::Node& v) {
            if (name.empty()) {
                diags_.error(kp, "bad-value", "an environment name must not be empty");
                return;
            }
            if (auto env = environment(name, kp, v)) out_.environments.push_back(std::move(*env));
        });
    }

    // nullopt when the environment is malformed (and reported): it is left
    // out, so a later lookup cannot use half of it.
    std::optional<EnvironmentConfig> environment(const std::string& name, const SourcePos& kp, const YAML::Node& v) {
        const std::string what = "environment '" + name + "'";
        EnvironmentConfig env;
        env.name = name;
        env.pos = kp;
        if (v.IsNull()) {
            diags_.error(kp, "missing-key", what + " needs 'url' or 'url_env'");
            return std::nullopt;
        }
        if (!v.IsMap()) {
            diags_.error(pos(v, kp), "wrong-type", what + " must be a mapping with url or url_env, not " + yaml_kind_name(v));
            return std::nullopt;
        }
        bool ok = true;
        std::optional<SourcePos> url_pos, url_env_pos;
        each_entry(v, what, kEnvironmentKeys, [&](const std::string& key, const SourcePos& ekp, const YAML::Node& ev) {
            if (key == "url") {
                url_pos = ekp;
                if (!scalar(ev, ekp, "url of " + what, env.url)) ok = false;
                else if (env.url.empty()) {
                    diags_.error(pos(ev, ekp), "bad-value", "url of " + what + " is empty");
                    ok = false;
                }
            } else if (key == "url_env") {
                url_env_pos = ekp;
                if (!scalar(ev, ekp, "url_env of " + what, env.url_env)) ok = false;
                else if (!is_env_var_name(env.url_env)) {
                    // Not echoed: a URL written here by mistake would show its password.
                    std::string msg = "url_env of " + what +
                                      " must be the name of an environment variable (letters, digits and _, not starting with a digit), such as PROD_DATABASE_URL";
                    if (looks_like_url(env.url_env)) msg += "; to write the URL itself, use url";
                    diags_.error(pos(ev, ekp), "bad-value", msg);
                    ok = false;
                }
            } else if (key == "lock_timeout" || key == "statement_lock_timeout" || key == "statement_timeout" || key == "heartbeat" ||
                       key == "warn_after" || key == "max_duration") {
                std::chrono::milliseconds d{};
                if (!duration(ev, ekp, key, " of " + what, d)) ok = false;
                else if (key == "lock_timeout") env.lock_timeout = d;
                else if (key == "statement_lock_timeout") env.statement_lock_timeout = d;
                else optional_duration(env, key) = d;
            } else if (key == "protected") {
                std::string v;
                if (!scalar(ev, ekp, "protected of " + what, v)) ok = false;
                else if (v == "true" || v == "false") env.is_protected = v == "true";
                else {
                    diags_.error(pos(ev, ekp), "bad-value", "protected of " + what + " must be true or false");
                    ok = false;
                }
            } else if (key == "lock_retries") {
                int n = 0;
                if (retries(ev, ekp, " of " + what, n)) env.lock_retries = n;
                else ok = false;
            }
        });
        if (url_pos && url_env_pos) {
            const SourcePos& later = url_pos->line > url_env_pos->line ||
                                     (url_pos->line == url_env_pos->line && url_pos->column > url_env_pos->column) ? *url_pos : *url_env_pos;
            diags_.error(later, "conflict", what + " has both 'url' and 'url_env'; keep one");
            return std::nullopt;
        }
        if (!url_pos && !url_env_pos) {
            diags_.error(kp, "missing-key", what + " needs 'url' or 'url_env'");
            return std::nullopt;
        }
        if (!ok) return std::nullopt;
        return env;
    }
};

// The one document of the text (null when empty); nullopt after reporting why
// there is none to read. The same guards as the schema loader's.
std::optional<YAML::Node> parse_document(const std::shared_ptr<const std::string>& file, const std::string& text, Diagnostics& diags) {
    auto docs = parse_yaml_documents(file, text, diags);
    if (!docs) return std::nullopt;
    // `---` markers are allowed, but one file is one config: a second
    // document with content would otherwise be ignored without a word.
    std::optional<YAML::Node> found;
    for (const YAML::Node& doc : *docs) {
        if (doc.IsNull()) continue;
        if (found) {
            diags.error(at_mark(file, doc.Mark()), "yaml-syntax", "the config file must hold one YAML document; this is a second one");
            return std::nullopt;
        }
        found = doc;
    }
    return found ? *found : YAML::Node();
}

}  // namespace

bool is_cpp_namespace(const std::string& s) {
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find("::", start);
        const std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part.empty() || (part[0] >= '0' && part[0] <= '9')) return false;
        for (char c : part)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        if (end == std::string::npos) return true;
        start = end + 2;
    }
}

const EnvironmentConfig* ProjectConfig::find_environment(const std::string& name) const {
    for (const auto& e : environments)
        if (e.name == name) return &e;
    return nullptr;
}

ProjectConfig parse_config(const std::string& file_name, const std::string& text, Diagnostics& diags) {
    ProjectConfig config;
    config.path = file_name;
    auto file = std::make_shared<const std::string>(file_name);
    // Collected apart and sorted, so this file's errors come in file order
    // (an environment's missing url is found after its entries) without
    // reordering what the caller had collected before.
    Diagnostics local;
    if (auto doc = parse_document(file, text, local)) {
        try {
            ConfigReader(file, text, config, local).read(*doc);
        } catch (const std::exception& e) {
            // yaml-cpp can throw on node access for malformed trees; never crash.
            local.error({file, 1, 1}, "yaml-syntax", std::string("could not read YAML document: ") + e.what());
        }
    }
    local.sort();
    for (const auto& d : local.all()) {
        auto& copy = d.severity == Severity::Warning ? diags.warning(d.pos, d.code, d.message) : diags.error(d.pos, d.code, d.message);
        copy.notes = d.notes;
    }
    return config;
}

ProjectConfig load_config(const std::string& path, Diagnostics& diags) {
    // No file gives the defaults; a dangling link named like it is an error (read_source_file).
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() == fs::file_type::not_found) return {};
    ProjectConfig config;
    config.path = path;
    if (auto text = read_source_file(path, diags)) return parse_config(path, *text, diags);
    return config;
}

std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0) return std::nullopt;
    const std::string unit = text.substr(digits);
    long long factor = 0;
    if (unit == "ms") factor = 1;
    else if (unit == "s") factor = 1'000;
    else if (unit == "m") factor = 60'000;
    else if (unit == "h") factor = 3'600'000;
    else return std::nullopt;
    const long long max = std::chrono::duration_cast<std::chrono::milliseconds>(kMaxDuration).count();
    long long value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        value = value * 10 + (text[i] - '0');
        if (value > max) return std::nullopt;   // stops long before any overflow
    }
    if (value == 0 || value > max / factor) return std::nullopt;
    return std::chrono::milliseconds(value * factor);
}

}  // namespace schemac
