// The model store of the binary-models source document, end to end, through
// the committed generated C++ of the example schema (generated/cpp): the
// application migrates a fresh database with its embedded migrations, then
// saves, loads, versions and deactivates models with the generated named
// queries and the models DAO.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <future>
#include <schemac/migrate/runner.hpp>

#include "migrations.hpp"
#include "modelstore/models.hpp"
#include "modelstore/queries.hpp"
#include "scratch_db.hpp"

namespace ms = db::modelstore;

namespace {

schemac::Bytes bytes_of(std::string_view s) {
    schemac::Bytes b;
    for (char c : s) b.push_back(static_cast<std::byte>(c));
    return b;
}

// A "model binary" as a trainer would write it: arbitrary bytes, zeros included.
schemac::Bytes binary(std::size_t size, unsigned seed) {
    schemac::Bytes b(size);
    for (std::size_t i = 0; i < size; ++i) b[i] = static_cast<std::byte>((i * 131 + seed) % 256);
    return b;
}

void migrate(const schemac::test::ScratchDb& db) {
    schemac::RunnerOptions options;
    options.conninfo = db.conninfo();
    schemac::Runner runner(db::migration_set(), options);
    const auto result = runner.apply({});   // throws RunnerError on failure
    REQUIRE(result.to_version == db::migration_set().last_version());
}

}  // namespace

TEST_CASE("model store: embedded migrations match the migration files") {
    const auto set = db::migration_set();
    const auto files = schemac::MigrationSet::from_directory(SCHEMAC_SOURCE_DIR "/generated/migrations");
    REQUIRE(set.migrations().size() == files.migrations().size());
    for (std::size_t i = 0; i < set.migrations().size(); ++i) {
        CHECK(set.migrations()[i].checksum == files.migrations()[i].checksum);
        CHECK(db::embedded_migrations()[i].checksum == files.migrations()[i].checksum);
    }
}

TEST_CASE("model store: save, load latest, load a version, deactivate") {
    schemac::test::ScratchDb db;
    migrate(db);
    auto& conn = db.conn();
    const ms::ModelsDao models(conn);

    pqxx::work tx(conn);
    // Each save is the next version of its name.
    const auto v1 = ms::save_model(tx, "momentum", "earnings", "regression", binary(1000, 1));
    const auto v2 = ms::save_model(tx, "momentum", "earnings", "regression", binary(2000, 2));
    const auto other = ms::save_model(tx, "sentiment", "news", "classifier_binary", bytes_of(std::string("\0\1\2", 3)));
    CHECK(v1.version == 1);
    CHECK(v2.version == 2);
    CHECK(other.version == 1);

    // The latest active version, with its binary byte for byte.
    auto latest = ms::load_latest_model(tx, "momentum", "earnings", "regression");
    REQUIRE(latest);
    CHECK(latest->version == 2);
    CHECK(latest->id == v2.id);
    CHECK(latest->model_binary == binary(2000, 2));
    CHECK(latest->is_active == std::optional<bool>(true));
    CHECK(ms::latest_model_version(tx, "momentum", "earnings", "regression")->version == 2);
    // Another event or type is another model.
    CHECK_FALSE(ms::load_latest_model(tx, "momentum", "macro", "regression"));

    // Deactivating the latest makes the one before it current again.
    CHECK(ms::deactivate_model_version(tx, "momentum", "earnings", "regression", 2) == 1);
    CHECK(ms::deactivate_model_version(tx, "momentum", "earnings", "regression", 7) == 0);
    latest = ms::load_latest_model(tx, "momentum", "earnings", "regression");
    REQUIRE(latest);
    CHECK(latest->version == 1);
    CHECK(latest->model_binary == binary(1000, 1));

    // A given version loads whether active or not.
    const auto old = ms::load_model_version(tx, "momentum", "earnings", "regression", 2);
    REQUIRE(old);
    CHECK(old->is_active == std::optional<bool>(false));
    CHECK(old->model_binary == binary(2000, 2));
    CHECK_FALSE(ms::load_model_version(tx, "momentum", "earnings", "regression", 3));

    // The DAO sees the same rows.
    CHECK(models.count(tx) == 3);
    CHECK(models.find_by_name_and_version(tx, "momentum", 2) == old);
    CHECK(models.list_by_name(tx, "momentum").size() == 2);

    // Deactivating every version leaves nothing to load, but the versions stay.
    CHECK(ms::deactivate_model_version(tx, "momentum", "earnings", "regression", 1) == 1);
    CHECK_FALSE(ms::load_latest_model(tx, "momentum", "earnings", "regression"));
    CHECK_FALSE(ms::latest_model_version(tx, "momentum", "earnings", "regression"));
    // ... and the next save continues the numbering.
    CHECK(ms::save_model(tx, "momentum", "earnings", "regression", binary(10, 3)).version == 3);
    tx.commit();
}

TEST_CASE("model store: a large model binary round-trips") {
    schemac::test::ScratchDb db;
    migrate(db);
    pqxx::work tx(db.conn());
    const auto big = binary(8 * 1024 * 1024, 7);
    ms::save_model(tx, "big", "e", "vectorizer", big);
    const auto loaded = ms::load_latest_model(tx, "big", "e", "vectorizer");
    REQUIRE(loaded);
    CHECK(loaded->model_binary == big);
}

TEST_CASE("model store: the check constraint still guards model_type") {
    schemac::test::ScratchDb db;
    migrate(db);
    pqxx::work tx(db.conn());
    CHECK_THROWS_AS(ms::save_model(tx, "m", "e", "neural_net", binary(1, 1)), pqxx::check_violation);
}

TEST_CASE("model store: two concurrent saves of one name never store one version twice") {
    schemac::test::ScratchDb db;
    migrate(db);
    {
        pqxx::work tx(db.conn());
        ms::save_model(tx, "m", "e", "regression", binary(10, 1));
        tx.commit();
    }
    // Both transactions compute version 2; the second to insert waits on the
    // unique index for the first to commit, then fails with unique_violation.
    pqxx::connection a(db.conninfo()), b(db.conninfo());
    pqxx::work ta(a), tb(b);
    const ms::ModelsDao da(a), dbb(b);
    CHECK(ms::save_model(ta, "m", "e", "regression", binary(10, 2)).version == 2);
    auto second = std::async(std::launch::async, [&] { return ms::save_model(tb, "m", "e", "regression", binary(10, 3)).version; });
    CHECK(second.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);   // blocked by ta
    ta.commit();
    CHECK_THROWS_AS(second.get(), pqxx::unique_violation);
    tb.abort();
    // The documented answer: retry, which takes the next version.
    pqxx::work retry(b);
    CHECK(ms::save_model(retry, "m", "e", "regression", binary(10, 3)).version == 3);
    retry.commit();
}
