// schemac.yaml: every key with the values it gives, every error with its exact
// text and position, the durations, the example project's own config and the
// examples in docs/config.md.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/config.hpp"
#include "markdown.hpp"

using namespace schemac;
using namespace std::chrono_literals;

namespace {

// Rendered as `schemac check` and the golden tests print diagnostics.
std::string diagnose(const std::string& yaml) {
    Diagnostics d;
    parse_config("c.yaml", yaml, d);
    d.sort();
    return render_text(d);
}

ProjectConfig parse_ok(const std::string& yaml) {
    Diagnostics d;
    ProjectConfig c = parse_config("c.yaml", yaml, d);
    REQUIRE_MESSAGE(d.all().empty(), render_text(d));
    return c;
}

void check_defaults(const ProjectConfig& c) {
    CHECK(c.schema_dir == "schema");
    CHECK(c.migrations_dir == "generated/migrations");
    CHECK(c.history_schema == "public");
    CHECK(c.history_table == "schemac_migrations");
    CHECK(c.lock_timeout == 60s);
    CHECK(c.statement_lock_timeout == 3s);
    CHECK(c.lock_retries == 5);
    CHECK_FALSE(c.statement_timeout.has_value());
    CHECK(c.environments.empty());
}

}  // namespace

TEST_CASE("config: every key, and the values it gives") {
    const ProjectConfig c = parse_ok(
        "schema: db/schema\n"
        "migrations: db/migrations\n"
        "history_table: ops.migration_history\n"
        "lock_timeout: 2m\n"
        "statement_lock_timeout: 2s\n"
        "lock_retries: 7\n"
        "statement_timeout: 30m\n"
        "heartbeat: 10s\n"
        "warn_after: 10m\n"
        "environments:\n"
        "  dev:\n"
        "    url: postgresql:///trading_dev\n"
        "  staging:\n"
        "    url: 'host=/tmp dbname=staging'\n"
        "    lock_timeout: 500ms\n"
        "  production:\n"
        "    url_env: PROD_DATABASE_URL\n"
        "    protected: true\n"
        "    lock_timeout: 1h\n"
        "    statement_lock_timeout: 500ms\n"
        "    lock_retries: 0\n"
        "    statement_timeout: 2h\n"
        "    max_duration: 1h\n");
    CHECK(c.path == "c.yaml");
    CHECK(c.schema_dir == "db/schema");
    CHECK(c.migrations_dir == "db/migrations");
    CHECK(c.history_schema == "ops");
    CHECK(c.history_table == "migration_history");
    CHECK(c.lock_timeout == 2min);
    CHECK(c.statement_lock_timeout == 2s);
    CHECK(c.lock_retries == 7);
    CHECK(c.statement_timeout == 30min);
    CHECK(c.heartbeat == 10s);
    CHECK(c.warn_after == 10min);
    CHECK_FALSE(c.max_duration.has_value());
    REQUIRE(c.environments.size() == 3);   // in file order

    const auto& dev = c.environments[0];
    CHECK(dev.name == "dev");
    CHECK(dev.url == "postgresql:///trading_dev");
    CHECK(dev.url_env.empty());
    CHECK_FALSE(dev.lock_timeout.has_value());
    CHECK(dev.pos.file_name() == "c.yaml");
    CHECK(dev.pos.line == 11);
    CHECK_FALSE(dev.statement_lock_timeout.has_value());
    CHECK_FALSE(dev.lock_retries.has_value());
    CHECK(dev.pos.column == 3);

    const auto& staging = c.environments[1];
    CHECK(staging.name == "staging");
    CHECK(staging.url == "host=/tmp dbname=staging");
    CHECK(staging.lock_timeout == 500ms);

    const auto& prod = c.environments[2];
    CHECK(prod.name == "production");
    CHECK(prod.url.empty());
    CHECK(prod.url_env == "PROD_DATABASE_URL");
    CHECK(prod.lock_timeout == 1h);
    CHECK(prod.is_protected);
    CHECK_FALSE(staging.is_protected);
    CHECK(prod.statement_lock_timeout == 500ms);
    CHECK(prod.lock_retries == 0);
    CHECK(prod.statement_timeout == 2h);
    CHECK(prod.max_duration == 1h);
    CHECK_FALSE(prod.heartbeat.has_value());
    CHECK(prod.pos.line == 16);

    CHECK(c.find_environment("production") == &prod);
    CHECK(c.find_environment("dev") == &dev);
    CHECK(c.find_environment("prod") == nullptr);
    CHECK(c.find_environment("") == nullptr);
}

TEST_CASE("config: codegen settings") {
    Diagnostics diags;
    const auto cfg = parse_config("c.yaml", "codegen:\n  out: src/db\n  namespace: acme::db\n  templates: tpl\n", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(cfg.codegen_out == "src/db");
    CHECK(cfg.codegen_namespace == "acme::db");
    CHECK(cfg.codegen_templates == "tpl");
    const auto defaults = parse_config("c.yaml", "schema: schema\n", diags);
    CHECK(defaults.codegen_out == "generated/cpp");
    CHECK(defaults.codegen_namespace == "db");
    CHECK(defaults.codegen_templates.empty());
}

TEST_CASE("config: an empty file or document, and every key left out, give the defaults") {
    const char* cases[] = {
        "",
        "\n",
        "# nothing configured yet\n",
        "---\n",
        "---\n...\n",
        "~\n",
        "null\n",
        "{}\n",
        "environments:\n",                                  // every environment commented out
        "environments:\n  # dev:\n  #   url: postgresql:///x\n",
        "environments: {}\n",
        "---\n# just a comment\n---\n",
    };
    for (const char* yaml : cases) {
        CAPTURE(yaml);
        const ProjectConfig c = parse_ok(yaml);
        CHECK(c.path == "c.yaml");
        check_defaults(c);
    }
}

TEST_CASE("config: one document after --- markers is read") {
    const ProjectConfig c = parse_ok("---\nschema: s\n...\n");
    CHECK(c.schema_dir == "s");
    CHECK(c.migrations_dir == "generated/migrations");
}

TEST_CASE("config: history_table, bare or schema-qualified") {
    struct Case {
        const char* yaml;
        const char* schema;
        const char* table;
    };
    const Case cases[] = {
        {"history_table: schemac_migrations\n", "public", "schemac_migrations"},
        {"history_table: history\n", "public", "history"},
        {"history_table: ops.history\n", "ops", "history"},
        {"history_table: public.schemac_migrations\n", "public", "schemac_migrations"},
        {"history_table: 'My Schema.Migration History'\n", "My Schema", "Migration History"},
        {"history_table: s.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n", "s",
         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},   // 63 bytes: the most allowed
        {"history_table: \"h\\u00e9ritage\"\n", "public", "h\xc3\xa9ritage"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.yaml);
        const ProjectConfig cfg = parse_ok(c.yaml);
        CHECK(cfg.history_schema == c.schema);
        CHECK(cfg.history_table == c.table);
    }
}

TEST_CASE("config: every error, rendered with file:line:col") {
    struct Case {
        std::string what;
        std::string yaml;
        std::string expected;
    };
    const std::string long_name(64, 'x');
    const Case cases[] = {
        // unknown keys, with and without a "did you mean"
        {"misspelt top-level key", "shema: schema\n",
         "c.yaml:1:1: error: unknown key 'shema' in the config file; did you mean 'schema'?\n"},
        {"misspelt key, case", "Migrations: m\n",
         "c.yaml:1:1: error: unknown key 'Migrations' in the config file; did you mean 'migrations'?\n"},
        {"swapped letters", "lock_timoeut: 5s\n",
         "c.yaml:1:1: error: unknown key 'lock_timoeut' in the config file; did you mean 'lock_timeout'?\n"},
        {"unknown top-level key", "database: postgresql:///x\n",
         "c.yaml:1:1: error: unknown key 'database' in the config file; expected one of: dialect, schema, migrations, "
         "history_table, lock_timeout, statement_lock_timeout, lock_retries, statement_timeout, heartbeat, warn_after, max_duration, environments, codegen\n"},
        {"misspelt codegen key", "codegen:\n  namespcae: db\n",
         "c.yaml:2:3: error: unknown key 'namespcae' in codegen; did you mean 'namespace'?\n"},
        {"codegen namespace not a C++ name", "codegen:\n  namespace: my-db\n",
         "c.yaml:2:14: error: codegen namespace 'my-db' is not a C++ namespace name such as db or acme::db\n"},
        {"codegen namespace with an empty part", "codegen:\n  namespace: 'acme::'\n",
         "c.yaml:2:14: error: codegen namespace 'acme::' is not a C++ namespace name such as db or acme::db\n"},
        {"codegen not a mapping", "codegen: generated/cpp\n",
         "c.yaml:1:10: error: codegen must be a mapping with keys out, namespace, templates, driver, not a scalar\n"},
        {"misspelt environment key", "environments:\n  dev:\n    url: postgresql:///x\n    lock_timout: 5s\n",
         "c.yaml:4:5: error: unknown key 'lock_timout' in environment 'dev'; did you mean 'lock_timeout'?\n"},
        {"url_env misspelt", "environments:\n  prod:\n    urlenv: PROD_URL\n",
         "c.yaml:2:3: error: environment 'prod' needs 'url' or 'url_env'\n"
         "c.yaml:3:5: error: unknown key 'urlenv' in environment 'prod'; did you mean 'url_env'?\n"},
        {"unknown environment key", "environments:\n  dev:\n    url: postgresql:///x\n    password: hunter2\n",
         "c.yaml:4:5: error: unknown key 'password' in environment 'dev'; expected one of: url, url_env, protected, lock_timeout, statement_lock_timeout, lock_retries, statement_timeout, heartbeat, warn_after, max_duration\n"},
        {"unknown environment key, no hint", "environments:\n  dev:\n    url: postgresql:///x\n    user: me\n",
         "c.yaml:4:5: error: unknown key 'user' in environment 'dev'; expected one of: url, url_env, protected, lock_timeout, statement_lock_timeout, lock_retries, statement_timeout, heartbeat, warn_after, max_duration\n"},

        // wrong node types
        {"list for a string", "schema: [a, b]\n", "c.yaml:1:9: error: schema must be a string, not a list\n"},
        {"mapping for a string", "migrations:\n  dir: m\n", "c.yaml:2:3: error: migrations must be a string, not a mapping\n"},
        {"null for a string", "schema:\n", "c.yaml:1:1: error: schema must be a string, not null\n"},
        {"empty string", "schema: ''\n", "c.yaml:1:9: error: schema must not be empty\n"},
        {"list for history_table", "history_table: [a]\n", "c.yaml:1:16: error: history_table must be a string, not a list\n"},
        {"list for lock_timeout", "lock_timeout: [60s]\n", "c.yaml:1:15: error: lock_timeout must be a string, not a list\n"},
        {"list for environments", "environments: [dev, production]\n",
         "c.yaml:1:15: error: environments must be a mapping of names to settings, not a list\n"},
        {"scalar for environments", "environments: dev\n",
         "c.yaml:1:15: error: environments must be a mapping of names to settings, not a scalar\n"},
        {"URL for an environment (not echoed)", "environments:\n  dev: postgresql://me:s3cret@db/x\n",
         "c.yaml:2:8: error: environment 'dev' must be a mapping with url or url_env, not a scalar\n"},
        {"list for url", "environments:\n  dev:\n    url: [postgresql://me:s3cret@db/x]\n",
         "c.yaml:3:10: error: url of environment 'dev' must be a string, not a list\n"},
        {"list for url_env", "environments:\n  dev:\n    url_env: [A]\n",
         "c.yaml:3:14: error: url_env of environment 'dev' must be a string, not a list\n"},
        {"list for an environment's lock_timeout", "environments:\n  dev:\n    url: x\n    lock_timeout: [1s]\n",
         "c.yaml:4:19: error: lock_timeout of environment 'dev' must be a string, not a list\n"},
        {"bad statement_lock_timeout", "statement_lock_timeout: 3\n",
         "c.yaml:1:25: error: statement_lock_timeout '3' is not a valid duration: use a positive integer with ms, s, m or h, "
         "e.g. \"60s\" (at most 24h)\n"},
        {"bad statement_timeout of an environment", "environments:\n  dev:\n    url: x\n    statement_timeout: soon\n",
         "c.yaml:4:24: error: statement_timeout 'soon' of environment 'dev' is not a valid duration: use a positive integer "
         "with ms, s, m or h, e.g. \"60s\" (at most 24h)\n"},
        {"protected not a boolean", "environments:\n  prod:\n    url: x\n    protected: yes\n",
         "c.yaml:4:16: error: protected of environment 'prod' must be true or false\n"},
        {"negative lock_retries", "lock_retries: -1\n", "c.yaml:1:15: error: lock_retries '-1' must be a whole number from 0 to 100\n"},
        {"lock_retries too many", "environments:\n  dev:\n    url: x\n    lock_retries: 101\n",
         "c.yaml:4:19: error: lock_retries '101' of environment 'dev' must be a whole number from 0 to 100\n"},
        {"the file is a list", "- schema\n- migrations\n",
         "c.yaml:1:1: error: the config file must be a mapping with keys dialect, schema, migrations, history_table, "
         "lock_timeout, statement_lock_timeout, lock_retries, statement_timeout, heartbeat, warn_after, max_duration, environments, codegen, not a list\n"},
        {"the file is a scalar", "schema\n",
         "c.yaml:1:1: error: the config file must be a mapping with keys dialect, schema, migrations, history_table, "
         "lock_timeout, statement_lock_timeout, lock_retries, statement_timeout, heartbeat, warn_after, max_duration, environments, codegen, not a scalar\n"},
        {"a list as a key", "[a, b]: x\n", "c.yaml:1:1: error: keys of the config file must be plain strings\n"},
        {"an empty environment name", "environments:\n  '': {url: x}\n", "c.yaml:2:3: error: an environment name must not be empty\n"},
        {"a URL as an environment name (not echoed)", "environments:\n  postgresql://me:s3cret@db/x:\n    url: x\n",
         "c.yaml:2:3: error: a key of environments looks like a database URL (not shown); a URL belongs in an environment's url\n"},

        // durations
        {"no unit", "lock_timeout: 60\n",
         "c.yaml:1:15: error: lock_timeout '60' is not a valid duration: use a positive integer with ms, s, m or h, "
         "e.g. \"60s\" (at most 24h)\n"},
        {"zero", "lock_timeout: 0s\n",
         "c.yaml:1:15: error: lock_timeout '0s' is not a valid duration: use a positive integer with ms, s, m or h, "
         "e.g. \"60s\" (at most 24h)\n"},
        {"too long", "lock_timeout: 25h\n",
         "c.yaml:1:15: error: lock_timeout '25h' is not a valid duration: use a positive integer with ms, s, m or h, "
         "e.g. \"60s\" (at most 24h)\n"},
        {"in an environment", "environments:\n  dev:\n    url: x\n    lock_timeout: 5 min\n",
         "c.yaml:4:19: error: lock_timeout '5 min' of environment 'dev' is not a valid duration: use a positive integer "
         "with ms, s, m or h, e.g. \"60s\" (at most 24h)\n"},

        // url / url_env
        {"neither", "environments:\n  dev:\n    lock_timeout: 5s\n", "c.yaml:2:3: error: environment 'dev' needs 'url' or 'url_env'\n"},
        {"neither, empty", "environments:\n  dev:\n", "c.yaml:2:3: error: environment 'dev' needs 'url' or 'url_env'\n"},
        {"neither, {}", "environments:\n  dev: {}\n", "c.yaml:2:3: error: environment 'dev' needs 'url' or 'url_env'\n"},
        {"both", "environments:\n  dev:\n    url: postgresql://me:s3cret@db/x\n    url_env: DEV_URL\n",
         "c.yaml:4:5: error: environment 'dev' has both 'url' and 'url_env'; keep one\n"},
        {"both, url_env first", "environments:\n  dev: {url_env: DEV_URL, url: postgresql://me:s3cret@db/x}\n",
         "c.yaml:2:27: error: environment 'dev' has both 'url' and 'url_env'; keep one\n"},
        {"empty url", "environments:\n  dev:\n    url: ''\n", "c.yaml:3:10: error: url of environment 'dev' is empty\n"},
        {"url_env is not a variable name", "environments:\n  prod:\n    url_env: $PROD_URL\n",
         "c.yaml:3:14: error: url_env of environment 'prod' must be the name of an environment variable (letters, digits "
         "and _, not starting with a digit), such as PROD_DATABASE_URL\n"},
        {"url_env starts with a digit", "environments:\n  prod:\n    url_env: 1URL\n",
         "c.yaml:3:14: error: url_env of environment 'prod' must be the name of an environment variable (letters, digits "
         "and _, not starting with a digit), such as PROD_DATABASE_URL\n"},
        {"url_env holds a URL (not echoed)", "environments:\n  prod:\n    url_env: postgresql://me:s3cret@db/x\n",
         "c.yaml:3:14: error: url_env of environment 'prod' must be the name of an environment variable (letters, digits "
         "and _, not starting with a digit), such as PROD_DATABASE_URL; to write the URL itself, use url\n"},

        // duplicate keys (yaml-cpp would keep the first silently)
        {"duplicate top-level key", "schema: a\nschema: b\n", "c.yaml:2:1: error: duplicate key 'schema' in the config file\n"},
        {"duplicate environment", "environments:\n  dev: {url: a}\n  dev: {url: b}\n",
         "c.yaml:3:3: error: duplicate key 'dev' in environments\n"},
        {"duplicate key in an environment", "environments:\n  dev: {url: a, url: b}\n",
         "c.yaml:2:17: error: duplicate key 'url' in environment 'dev'\n"},

        // history_table
        {"two dots", "history_table: a.b.c\n",
         "c.yaml:1:16: error: history_table 'a.b.c' must be a table name or schema.table, with at most one dot\n"},
        {"empty schema", "history_table: .t\n", "c.yaml:1:16: error: history_table '.t': the schema name is empty\n"},
        {"empty table", "history_table: 'ops.'\n", "c.yaml:1:16: error: history_table 'ops.': the table name is empty\n"},
        {"empty", "history_table: ''\n", "c.yaml:1:16: error: history_table '': the table name is empty\n"},
        {"only a dot", "history_table: .\n",
         "c.yaml:1:16: error: history_table '.': the schema name is empty\n"
         "c.yaml:1:16: error: history_table '.': the table name is empty\n"},
        {"64 bytes", "history_table: " + long_name + "\n",
         "c.yaml:1:16: error: history_table '" + long_name + "': the table name is 64 bytes long; PostgreSQL allows at most 63\n"},
        {"64-byte schema", "history_table: " + long_name + ".t\n",
         "c.yaml:1:16: error: history_table '" + long_name + ".t': the schema name is 64 bytes long; PostgreSQL allows at most 63\n"},

        // YAML syntax: reported, never thrown
        {"unclosed flow list", "schema: [a\n", "c.yaml:2:1: error: invalid YAML: end of sequence flow not found\n"},
        {"bad indentation", "schema: a\n  migrations: b\n", "c.yaml:2:13: error: invalid YAML: illegal map value\n"},
        {"tab indentation", "environments:\n\tdev: {url: x}\n", "c.yaml:2:5: error: invalid YAML: illegal map value\n"},
        {"unclosed quote", "schema: \"schema\n", "c.yaml:1:9: error: invalid YAML: this quoted string has no closing \"\n"},
        {"stray comma", ",\nschema: s\n", "c.yaml:1:1: error: invalid YAML: unexpected ','\n"},
        {"two documents", "schema: a\n---\nschema: b\n",
         "c.yaml:3:1: error: the config file must hold one YAML document; this is a second one\n"},

        // several problems: all of them, in file order
        {"several", "shema: s\nlock_timeout: soon\nenvironments:\n  dev:\n    lock_timout: 5s\n",
         "c.yaml:1:1: error: unknown key 'shema' in the config file; did you mean 'schema'?\n"
         "c.yaml:2:15: error: lock_timeout 'soon' is not a valid duration: use a positive integer with ms, s, m or h, "
         "e.g. \"60s\" (at most 24h)\n"
         "c.yaml:4:3: error: environment 'dev' needs 'url' or 'url_env'\n"
         "c.yaml:5:5: error: unknown key 'lock_timout' in environment 'dev'; did you mean 'lock_timeout'?\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        CAPTURE(c.yaml);
        CHECK(diagnose(c.yaml) == c.expected);
    }
}

TEST_CASE("config: error codes are the loader's") {
    struct Case {
        const char* yaml;
        const char* code;
    };
    const Case cases[] = {
        {"shema: s\n", "unknown-key"},
        {"schema: [a]\n", "wrong-type"},
        {"schema: s\nschema: t\n", "duplicate-key"},
        {"lock_timeout: 60\n", "bad-duration"},
        {"history_table: a.b.c\n", "bad-identifier"},
        {"environments:\n  dev: {}\n", "missing-key"},
        {"environments:\n  dev: {url: a, url_env: B}\n", "conflict"},
        {"environments:\n  dev: {url_env: '1'}\n", "bad-value"},
        {"schema: [a\n", "yaml-syntax"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.yaml);
        Diagnostics d;
        parse_config("c.yaml", c.yaml, d);
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].code == c.code);
        CHECK(d.all()[0].severity == Severity::Error);
    }
}

TEST_CASE("config: a malformed value keeps its default, a malformed environment is left out") {
    Diagnostics d;
    const ProjectConfig c = parse_config("c.yaml",
                                         "schema: [a]\nmigrations: m\nlock_timeout: 0s\nhistory_table: a.b.c\n"
                                         "environments:\n  bad: {url: a, url_env: B}\n  worse: {url_env: '1'}\n"
                                         "  slow: {url: a, lock_timeout: forever}\n  good: {url: postgresql:///g}\n",
                                         d);
    CHECK(d.error_count() == 6);
    CHECK(c.schema_dir == "schema");
    CHECK(c.migrations_dir == "m");
    CHECK(c.lock_timeout == 60s);
    CHECK(c.history_schema == "public");
    CHECK(c.history_table == "schemac_migrations");
    REQUIRE(c.environments.size() == 1);
    CHECK(c.environments[0].name == "good");
    CHECK(c.find_environment("bad") == nullptr);
}

TEST_CASE("config: a URL never appears in a message") {
    const std::string secret = "s3cret";
    const std::string url = "postgresql://admin:" + secret + "@db.internal/trading";
    const std::string cases[] = {
        "environments:\n  dev: " + url + "\n",
        "environments:\n  dev: [" + url + "]\n",
        "environments:\n  dev:\n    url: [" + url + "]\n",
        "environments:\n  dev:\n    url: {" + url + ": 1}\n",
        "environments:\n  dev:\n    url: " + url + "\n    url_env: X\n",
        "environments:\n  dev:\n    url_env: " + url + "\n",
        "environments:\n  dev:\n    url_env: \"host=db password=" + secret + "\"\n",
        "environments:\n  " + url + ":\n    url: x\n",
        "environments:\n  dev:\n    url: x\n    " + url + ": 1\n",
        "environments:\n  dev:\n    url: x\n    \"host=db password=" + secret + "\": 1\n",
        url + ": 1\n",
        "environments:\n  dev:\n    url: \"" + url + "\n",
        "environments:\n  dev:\n    url: '" + url + "\n",
        "environments:\n  dev:\n    url " + url + "\n",
        "environments:\n  dev:\n    url: " + url + "\n  dev:\n    url: " + url + "\n",
    };
    for (const auto& yaml : cases) {
        CAPTURE(yaml);
        const std::string out = diagnose(yaml);
        CHECK(!out.empty());
        CHECK(out.find(secret) == std::string::npos);
    }
}

TEST_CASE("config: YAML aliases cannot make the reader walk without bound") {
    std::string yaml = "environments:\n  e0: &a {";
    for (int i = 0; i < 50; ++i) yaml += (i ? ", k" : "k") + std::to_string(i) + ": 1";
    yaml += "}\n";
    for (int i = 1; i < 300; ++i) yaml += "  e" + std::to_string(i) + ": *a\n";
    Diagnostics d;
    parse_config("c.yaml", yaml, d);
    CHECK(d.error_count() < yaml.size() + 1100);
    const std::string out = render_text(d);
    CHECK(out.find("c.yaml:1:1: error: the document expands through YAML aliases far beyond its own size; stopped reading it\n") !=
          std::string::npos);
}

TEST_CASE("config: garbage never throws") {
    const char* cases[] = {
        "\t", "]", "}", "{", "[", ":", "- :", "? a\n: b\n", "&a [*a]\n", "*a\n", "!!binary x\n", "%YAML 1.2\n",
        "%YAML 1.2\n---\nschema: s\n", "schema: !!map {}\n", "---\n---\n---\n", "... \n...\n", "--- |\n  x\n",
        "environments: &e {dev: *e}\n", "environments:\n  dev: &d {url: x, lock_timeout: *d}\n", "\xEF\xBB\xBFschema: s\n",
        "schema: \"\\x\"\n", "schema: 's''\n", "environments:\n  ? [a]\n  : {url: x}\n",
    };
    for (const char* yaml : cases) {
        CAPTURE(yaml);
        Diagnostics d;
        CHECK_NOTHROW(parse_config("c.yaml", yaml, d));
    }
}

TEST_CASE("config: durations") {
    struct Case {
        const char* text;
        std::optional<std::chrono::milliseconds> value;
    };
    const Case cases[] = {
        {"500ms", 500ms},
        {"1ms", 1ms},
        {"60s", 60s},
        {"1s", 1s},
        {"2m", 2min},
        {"90m", 90min},
        {"1h", 1h},
        {"24h", 24h},                     // the most allowed, in every unit
        {"1440m", 24h},
        {"86400s", 24h},
        {"86400000ms", 24h},
        {"060s", 60s},                    // leading zeros are still a positive integer
        {"25h", std::nullopt},            // more than 24h
        {"1441m", std::nullopt},
        {"86401s", std::nullopt},
        {"86400001ms", std::nullopt},
        {"99999999999999999999999h", std::nullopt},   // would overflow
        {"18446744073709551617ms", std::nullopt},
        {"0s", std::nullopt},             // zero
        {"0ms", std::nullopt},
        {"000h", std::nullopt},
        {"-5s", std::nullopt},            // no sign
        {"+5s", std::nullopt},
        {"60", std::nullopt},             // a unit is required
        {"s", std::nullopt},              // a number is required
        {"ms", std::nullopt},
        {"", std::nullopt},
        {"60 s", std::nullopt},           // no spaces
        {" 60s", std::nullopt},
        {"60s ", std::nullopt},
        {"1.5h", std::nullopt},           // no fractions
        {"1e3ms", std::nullopt},
        {"60S", std::nullopt},            // units are lower case
        {"60MS", std::nullopt},
        {"60sec", std::nullopt},          // no other spellings or units
        {"2min", std::nullopt},
        {"1d", std::nullopt},
        {"100us", std::nullopt},
        {"1h30m", std::nullopt},          // one number, one unit
        {"60s60s", std::nullopt},
        {"0x10s", std::nullopt},
        {"\xd9\xa1s", std::nullopt},      // ARABIC-INDIC DIGIT ONE
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto got = parse_duration(c.text);
        CHECK(got.has_value() == c.value.has_value());
        if (got && c.value) CHECK(got->count() == c.value->count());
    }
    CHECK(parse_duration("24h") == std::chrono::milliseconds(kMaxDuration));
}

TEST_CASE("config: load_config reads a file, a missing one gives the defaults") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("schemac_config_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    struct Cleanup {
        fs::path p;
        ~Cleanup() {
            std::error_code ec;
            fs::permissions(p / "locked.yaml", fs::perms::owner_all, ec);
            fs::remove_all(p, ec);
        }
    } cleanup{dir};

    {
        Diagnostics d;
        const ProjectConfig c = load_config((dir / "schemac.yaml").string(), d);
        CHECK(d.all().empty());
        CHECK(c.path.empty());
        check_defaults(c);
    }
    {
        const std::string file = (dir / "schemac.yaml").string();
        std::ofstream(file) << "migrations: db/migrations\nenvironments:\n  dev: {url: postgresql:///d}\n";
        Diagnostics d;
        const ProjectConfig c = load_config(file, d);
        CHECK(d.all().empty());
        CHECK(c.path == file);
        CHECK(c.migrations_dir == "db/migrations");
        REQUIRE(c.find_environment("dev") != nullptr);
        CHECK(c.find_environment("dev")->url == "postgresql:///d");
    }
    {
        const std::string file = (dir / "bad.yaml").string();
        std::ofstream(file) << "\nmigration: m\n";
        Diagnostics d;
        load_config(file, d);
        CHECK(render_text(d) == file + ":2:1: error: unknown key 'migration' in the config file; did you mean 'migrations'?\n");
    }
    {
        // A directory where the file should be cannot be read.
        const std::string sub = (dir / "sub.yaml").string();
        fs::create_directories(sub);
        Diagnostics d;
        const ProjectConfig c = load_config(sub, d);
        CHECK(render_text(d) == sub + ": error: cannot read file: it is a directory\n");
        CHECK(d.all()[0].code == "io");
        CHECK(c.path == sub);
    }
    if (::geteuid() != 0) {   // root reads a file without permissions anyway
        const std::string file = (dir / "locked.yaml").string();
        std::ofstream(file) << "schema: s\n";
        fs::permissions(file, fs::perms::none);
        Diagnostics d;
        load_config(file, d);
        CHECK(render_text(d) == file + ": error: cannot read file\n");
    }
}

TEST_CASE("config: the example project's schemac.yaml") {
    Diagnostics d;
    const ProjectConfig c = load_config(std::string(SCHEMAC_SOURCE_DIR) + "/schemac.yaml", d);
    REQUIRE_MESSAGE(d.all().empty(), render_text(d));
    CHECK_FALSE(c.path.empty());
    CHECK(c.schema_dir == "schema");
    CHECK(c.migrations_dir == "generated/migrations");
    CHECK(c.history_schema == "public");
    CHECK(c.history_table == "schemac_migrations");
    CHECK(c.lock_timeout == 60s);
    REQUIRE(c.environments.size() == 2);
    CHECK(c.environments[0].name == "dev");
    CHECK(c.environments[0].url == "postgresql:///trading_dev");
    CHECK(c.environments[0].url_env.empty());
    CHECK(c.environments[1].name == "production");
    CHECK(c.environments[1].url.empty());
    CHECK(c.environments[1].url_env == "PROD_DATABASE_URL");
    CHECK_FALSE(c.environments[1].lock_timeout.has_value());
}

// The reference must not lie: every ```yaml block of docs/config.md is a
// config file that reads without a diagnostic.
TEST_CASE("config: every example in docs/config.md is valid") {
    const auto blocks = test::code_blocks(std::string(SCHEMAC_SOURCE_DIR) + "/docs/config.md", "yaml");
    const int examples = static_cast<int>(blocks.size());
    for (const auto& b : blocks) {
        Diagnostics d;
        parse_config("docs/config.md@" + std::to_string(b.line), b.text, d);
        CHECK_MESSAGE(d.all().empty(), render_text(d));
    }
    CHECK(examples >= 2);
}
