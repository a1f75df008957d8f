// The generated DAOs on a session that changes under them, as pools do it:
// settings reset (RESET ALL, DISCARD ALL), prepared statements dropped
// (DISCARD ALL, DEALLOCATE ALL) and a column whose type changes under a
// prepared statement. Values must come back exact or not at all, and the
// connection must never stay broken (runtime/dao/session.cpp).
//
// The database defaults are hostile (ALTER DATABASE ... SET): floats printed
// with 15 digits (extra_float_digits = 0), bytea in escape format, and a
// TimeZone that is, in turn, the 'UTC' the DAO would pick, the 'Etc/UTC' it
// would pick otherwise, and a zone with an offset: a reset must show whatever
// the database's TimeZone is.
#include <doctest/doctest.h>

#include <pqxx/pqxx>

#include <cstddef>
#include <string>
#include <vector>

#include <schemac/dao/dao.hpp>

#include "rt/scalars.hpp"
#include "rt_db.hpp"

using db::rt::ScalarsDao;
using db::rt::ScalarsNew;
using db::rt::ScalarsRow;
using schemac::Bytes;
using schemac::test::RtDb;

namespace {

// Values whose text depends on the settings: a double and a float that 15 and
// 6 digits round, bytes (hex or escape), an instant (the zone's offset).
ScalarsNew probe() {
    ScalarsNew n;
    n.d = 0.1 + 0.2;   // 0.30000000000000004; "0.3" at extra_float_digits 0
    n.r = 1.0f / 3.0f;  // 0.33333334; "0.333333" at 0
    n.bin = Bytes{std::byte{0}, std::byte{0x5c}, std::byte{0xff}};
    n.tstz = schemac::Timestamp{std::chrono::sys_days{std::chrono::year{2024} / 7 / 1}};
    return n;
}

void check_probe(const std::optional<ScalarsRow>& got) {
    REQUIRE(got.has_value());
    const ScalarsNew want = probe();
    CHECK(got->d == want.d);
    CHECK(got->r == want.r);
    CHECK(got->bin == want.bin);
    CHECK(got->tstz == want.tstz);
}

void hostile_defaults(RtDb& f, const std::string& time_zone) {
    pqxx::nontransaction n(f.conn());
    const std::string db = n.quote_name(f.db.name());
    n.exec("ALTER DATABASE " + db + " SET extra_float_digits = 0");
    n.exec("ALTER DATABASE " + db + " SET bytea_output = 'escape'");
    n.exec("ALTER DATABASE " + db + " SET TimeZone = " + n.quote(time_zone));
}

std::int64_t insert_probe(pqxx::connection& c, const ScalarsDao& dao) {
    pqxx::work tx(c);
    const std::int64_t id = dao.insert(tx, probe()).id;
    tx.commit();
    return id;
}

void run(pqxx::connection& c, const std::string& sql) {
    pqxx::nontransaction n(c);
    n.exec(sql);
}

std::size_t prepared_statements(pqxx::connection& c) {
    pqxx::nontransaction n(c);
    return n.exec("SELECT count(*) FROM pg_prepared_statements")[0][0].as<std::size_t>();
}

}  // namespace

TEST_CASE("session: after RESET ALL or DISCARD ALL on a database printing lossy floats, every read is exact") {
    struct Case {
        const char* reset;
        bool in_transaction;   // reads in a pqxx::work, else in a pqxx::nontransaction
    };
    const Case cases[] = {
        {"RESET ALL", true}, {"DISCARD ALL", true}, {"RESET ALL", false}, {"DISCARD ALL", false},
        // By hand, one unreported setting alone: only the nontransaction check sees it (dao.hpp).
        {"SET extra_float_digits = 0", false},
    };
    for (const char* time_zone : {"UTC", "Etc/UTC", "America/New_York"}) {
        RtDb f;
        hostile_defaults(f, time_zone);
        for (const Case& k : cases) {
            INFO("database TimeZone " << std::string(time_zone) << ", then " << std::string(k.reset)
                                      << (k.in_transaction ? " (work)" : " (nontransaction)"));
            pqxx::connection c{f.db.conninfo()};
            const ScalarsDao dao(c);
            const std::int64_t id = insert_probe(c, dao);
            {
                pqxx::work tx(c);
                check_probe(dao.find_by_id(tx, id));
            }
            for (int round = 0; round < 2; ++round) {   // the second round: after a repair, nothing left over
                run(c, k.reset);
                if (k.in_transaction) {
                    pqxx::work tx(c);
                    check_probe(dao.find_by_id(tx, id));
                    std::vector<ScalarsRow> rows;
                    dao.for_each(tx, [&](const ScalarsRow& r) {
                        if (r.id == id) rows.push_back(r);   // the earlier cases' rows are there too
                    });
                    REQUIRE(rows.size() == 1);
                    check_probe(rows[0]);
                    tx.commit();
                } else {
                    pqxx::nontransaction n(c);
                    check_probe(dao.find_by_id(n, id));
                }
            }
        }
    }
}

TEST_CASE("session: a pool resetting the connection before every use costs no error and leaves no statement behind") {
    RtDb f;
    hostile_defaults(f, "UTC");
    pqxx::connection c{f.db.conninfo()};
    const ScalarsDao dao(c);
    for (int use = 0; use < 20; ++use) {
        INFO("use " << use);
        run(c, "DISCARD ALL");
        pqxx::work tx(c);
        const ScalarsRow row = dao.insert(tx, probe());
        check_probe(row);
        check_probe(dao.find_by_id(tx, row.id));
        tx.commit();
        // insert and find_by_id: the two the DAO prepared, and nothing else
        CHECK(prepared_statements(c) == 2);
    }
}

TEST_CASE("session: DEALLOCATE ALL fails one transaction with what to do, the next works, a nontransaction retries") {
    RtDb f;
    pqxx::connection c{f.db.conninfo()};
    const ScalarsDao dao(c);
    const std::int64_t id = insert_probe(c, dao);
    {
        pqxx::work tx(c);
        check_probe(dao.find_by_id(tx, id));   // prepared now
    }
    run(c, "DEALLOCATE ALL");
    {
        pqxx::work tx(c);
        try {
            (void)dao.find_by_id(tx, id);
            FAIL("find_by_id after DEALLOCATE ALL did not throw");
        } catch (const schemac::pg::StatementLost& e) {
            CHECK(e.sqlstate() == "26000");
            const std::string what = e.what();
            CHECK_MESSAGE(what.find("was dropped from the session") != std::string::npos, what);
            CHECK_MESSAGE(what.find("roll it back and run it again") != std::string::npos, what);
        }
    }
    {
        pqxx::work tx(c);
        check_probe(dao.find_by_id(tx, id));
        check_probe(dao.insert(tx, probe()));   // prepared before DEALLOCATE ALL too: repaired with the other
        tx.commit();
    }
    run(c, "DEALLOCATE ALL");
    pqxx::nontransaction n(c);
    check_probe(dao.find_by_id(n, id));
    check_probe(dao.insert(n, probe()));
}

TEST_CASE("session: a column type changed under a prepared statement fails one transaction clearly, then reads the new type") {
    RtDb f;
    pqxx::connection c{f.db.conninfo()};
    const ScalarsDao dao(c);
    ScalarsNew in = probe();
    in.txt = "kept";
    std::int64_t id = 0;
    {
        pqxx::work tx(c);
        id = dao.insert(tx, in).id;
        REQUIRE(dao.find_by_id(tx, id)->txt == "kept");
        tx.commit();
    }
    pqxx::connection other{f.db.conninfo()};
    run(other, "ALTER TABLE rt.scalars ALTER COLUMN txt TYPE varchar(200)");
    {
        pqxx::work tx(c);
        try {
            (void)dao.find_by_id(tx, id);
            FAIL("find_by_id after ALTER COLUMN TYPE did not throw");
        } catch (const schemac::pg::StatementLost& e) {
            CHECK(e.sqlstate() == "0A000");
            const std::string what = e.what();
            CHECK_MESSAGE(what.find("planned for another result type") != std::string::npos, what);
        }
    }
    {
        pqxx::work tx(c);
        CHECK(dao.find_by_id(tx, id)->txt == "kept");
    }
    run(other, "ALTER TABLE rt.scalars ALTER COLUMN txt TYPE text");
    pqxx::nontransaction n(c);
    CHECK(dao.find_by_id(n, id)->txt == "kept");
}
