// libpq's connection under a libpqxx 6.4 transaction (private to schemac_dao),
// for what 6.4 does not offer: the parameters the server reports on its own
// (ParameterStatus, read without a round trip: session.cpp) and COPY data
// sent in pieces that are not whole lines (CopyWriter, dao.cpp).
// pqxx::largeobject::raw_connection is 6.4's only public way to it (protected,
// so reached from a derived class); it takes a dbtransaction, so a
// nontransaction has none and callers fall back to what libpqxx offers.
#pragma once
#include <libpq-fe.h>

#include <pqxx/largeobject>
#include <pqxx/transaction_base>

namespace schemac::pg::detail {

struct RawConnection : pqxx::largeobject {
    static PGconn* of(const pqxx::transaction_base& tx) {
        const auto* db = dynamic_cast<const pqxx::dbtransaction*>(&tx);
        return db ? raw_connection(*db) : nullptr;
    }
};

}  // namespace schemac::pg::detail
