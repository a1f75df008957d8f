// An application that migrates its own database at start-up, from migration
// files compiled into the binary (cmake/SchemacEmbedMigrations.cmake): no
// files to deploy next to it, no separate migration step.
//
//   self_migrating_app "postgresql://app@db/trading"    (or DATABASE_URL)
//
// Several instances may start at once: the runner's advisory lock lets one
// apply and the others wait, then find nothing left to do.
#include <cstdlib>
#include <iostream>

#include "schemac/migrate/runner.hpp"

std::vector<schemac::MigrationFile> schemac_embedded_migrations();

int main(int argc, char** argv) {
    const char* url = argc > 1 ? argv[1] : std::getenv("DATABASE_URL");
    if (!url) {
        std::cerr << "usage: self_migrating_app CONNINFO (or set DATABASE_URL)\n";
        return 2;
    }
    try {
        schemac::RunnerOptions options;
        options.conninfo = url;
        schemac::Runner runner(schemac::MigrationSet::from_files(schemac_embedded_migrations()), options);
        const schemac::RunResult r = runner.apply({}, [](const schemac::Progress& p) {
            if (p.event == schemac::Progress::Event::finished)
                std::cout << "migrated " << p.version << " " << p.name << " (" << p.elapsed_ms << " ms)\n";
        });
        std::cout << "database at version " << r.to_version << " (" << r.steps.size() << " applied at start-up)\n";
    } catch (const std::exception& e) {
        // RunnerError messages never contain the password.
        std::cerr << "cannot migrate the database: " << e.what() << '\n';
        return 1;
    }
    // ... the application's real work would start here ...
    return 0;
}
