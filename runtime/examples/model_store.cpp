// The model store of the binary-models design document, on the example
// schema's generated C++: migrate the database from the migrations compiled
// into the binary, save two versions of a model, load the latest active one,
// deactivate it and load again. Usage: model_store_example CONNINFO
#include <pqxx/pqxx>

#include <iostream>
#include <schemac/migrate/runner.hpp>

#include "migrations.hpp"
#include "modelstore/models.hpp"
#include "modelstore/queries.hpp"

namespace ms = db::modelstore;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: model_store_example CONNINFO\n";
        return 2;
    }
    try {
        schemac::RunnerOptions options;
        options.conninfo = argv[1];
        const auto migrated = schemac::Runner(db::migration_set(), options).apply({});
        std::cout << "database at version " << migrated.to_version << "\n";

        pqxx::connection conn(argv[1]);
        pqxx::work tx(conn);
        const schemac::Bytes weights(4096, std::byte{0x2a});   // stands in for a joblib file
        for (int i = 0; i < 2; ++i) {
            const auto saved = ms::save_model(tx, "momentum", "earnings", "regression", weights);
            std::cout << "saved momentum version " << saved.version << " (id " << saved.id << ")\n";
        }
        auto latest = ms::load_latest_model(tx, "momentum", "earnings", "regression");
        std::cout << "latest active: version " << latest->version << ", " << latest->model_binary.size() << " bytes\n";
        ms::deactivate_model_version(tx, "momentum", "earnings", "regression", latest->version);
        latest = ms::load_latest_model(tx, "momentum", "earnings", "regression");
        std::cout << "after deactivating it: version " << latest->version << "\n";
        std::cout << ms::ModelsDao(conn).count(tx) << " model rows\n";
        tx.abort();   // an example: leave the database as it was
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "model_store_example: " << e.what() << "\n";
        return 1;
    }
}
