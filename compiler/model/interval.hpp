// PostgreSQL's interval input, read once for two uses: the literal check of an
// interval value (literal.cpp: is it syntax the server reads, do its fields fit)
// and chunk intervals as TimescaleDB stores them (microseconds, with a month of
// 30 days, its interval_to_usec), so that "1 day", "24 hours", "1d" and
// "24:00:00" are the same interval, as they are to the server, and a database
// that reports "12:00:00" for a schema's "12 hours" is not drift.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace schemac {

struct IntervalValue {
    long double months = 0, days = 0, micros = 0;   // signed, fractions kept
    // Each field's magnitudes summed, as PostgreSQL checks each one as it adds
    // it against its 32-bit months, 32-bit days and 64-bit microseconds.
    long double added_months = 0, added_days = 0, added_micros = 0;
    bool in_range() const;
};

// The postgres and postgres_verbose styles ("1 day 2 hours", "@ 3 mins ago",
// "1.5 weeks", "-01:30:00", "36:00:00", "5min", "3600") and ISO 8601 with
// designators ("P1DT2H"), each field at most once as the server demands;
// nullopt for anything else, including the SQL-standard "1-2", which the
// server reads but schemac does not.
std::optional<IntervalValue> read_interval(std::string_view text);

// TimescaleDB's microseconds of an interval; nullopt where read_interval has none.
std::optional<std::int64_t> interval_microseconds(std::string_view text);

}  // namespace schemac
