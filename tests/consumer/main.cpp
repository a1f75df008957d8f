// The consumer application: migrates its database at start-up from the
// migrations compiled into it, then writes and reads through the generated
// DAO and named query. Prints one line the test checks.
#include <pqxx/pqxx>

#include <iostream>
#include <schemac/postgres/pg_codec.hpp>
#include <schemac/migrate/runner.hpp>

#include <type_traits>

#include "analytics_db/shop/orders.hpp"
#include "shop_db/migrations.hpp"
#include "shop_db/shop/orders.hpp"
#include "shop_db/shop/queries.hpp"

// Both schemas have shop.orders; each namespace keeps its own layout.
static_assert(std::is_same_v<decltype(shop_db::shop::OrdersRow::symbol), std::string>);
static_assert(std::is_same_v<decltype(analytics_db::shop::OrdersRow::notional), schemac::Decimal>);
static_assert(!std::is_same_v<shop_db::shop::OrdersDao, analytics_db::shop::OrdersDao>);

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer CONNINFO\n";
        return 2;
    }
    try {
        schemac::RunnerOptions options;
        options.conninfo = argv[1];
        schemac::Runner(shop_db::migration_set(), options).apply({});

        pqxx::connection conn(argv[1]);
        const shop_db::shop::OrdersDao orders(conn);
        pqxx::work tx(conn);
        shop_db::shop::OrdersNew o;
        o.symbol = "ACME";
        o.qty = 5;
        o.price = schemac::pg::from_text<schemac::Decimal>("101.250000");
        const auto stored = orders.insert(tx, o);
        o.qty = 7;
        o.status = shop_db::shop::OrderStatus::filled;
        orders.insert(tx, o);
        const auto open = shop_db::shop::open_quantity(tx, "ACME");
        tx.commit();
        std::cout << "ok id=" << stored.id << " status=" << to_string(stored.status) << " price=" << stored.price.text()
                  << " open_qty=" << open.qty << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "consumer: " << e.what() << "\n";
        return 1;
    }
}
