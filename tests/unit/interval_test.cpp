// model/interval.hpp: chunk intervals as TimescaleDB stores them (microseconds,
// 30-day months). tests/timescaledb/hypertable_changes.sh checks spellings
// against the server itself.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "model/interval.hpp"

using namespace schemac;

namespace {

constexpr std::int64_t kS = 1000000, kMin = 60 * kS, kH = 60 * kMin, kD = 24 * kH;

struct Case {
    const char* text;
    std::optional<std::int64_t> us;
};

const Case kCases[] = {
    {"1 day", kD},
    {"24 hours", kD},
    {"1d", kD},
    {"1 DAY", kD},
    {"24:00:00", kD},
    {"@ 1 day", kD},
    {"12:00:00", 12 * kH},
    {"12 hours", 12 * kH},
    {"0.5 day", 12 * kH},
    {"1 day 2 hours 3 minutes 4 seconds", kD + 2 * kH + 3 * kMin + 4 * kS},
    {"1 day, 02:03:04", kD + 2 * kH + 3 * kMin + 4 * kS},
    {"1 day 02:03:04.5", kD + 2 * kH + 3 * kMin + 4 * kS + 500000},
    {"01:30", kH + 30 * kMin},
    {"-01:30:00", -(kH + 30 * kMin)},
    {"1 day ago", -kD},
    {"2 weeks", 14 * kD},
    {"1.5 weeks", 10 * kD + 12 * kH},
    {"1 mon", 30 * kD},
    {"1 month", 30 * kD},
    {"1 year", 360 * kD},
    {"1 yr 1 mon", 390 * kD},
    {"90 mins", 90 * kMin},
    {"1500 ms", 1500000},
    {"7 days", 7 * kD},
    {"3600", kH},
    {"+2 days -1 hour", 2 * kD - kH},
    {"0 days", 0},
    // Not read: compared as written.
    {"", std::nullopt},
    {"P1D", kD},
    {"P1DT2H", kD + 2 * kH},
    {"36:00:00", 36 * kH},
    {"1 minute 30", 90 * kS},
    {"1 day - 2 hours", 22 * kH},
    {"1 day ago 2 hours", -(kD + 2 * kH)},
    {"1 day 1 day", std::nullopt},
    {"1 hour 02:00:00", std::nullopt},
    {"00:75:00", std::nullopt},
    {"1-2", std::nullopt},
    {"1 fortnight", std::nullopt},
    {"ago", std::nullopt},
    {"1 day ago ago", std::nullopt},
    {"1 year 1 decade", 11 * 360 * kD},
    {"1..5 days", std::nullopt},
    {"1:2:3:4", std::nullopt},
    {"1.5:00", std::nullopt},
    {"1 day;", std::nullopt},
    {"1/2", std::nullopt},
};

}  // namespace

TEST_CASE("chunk intervals read as TimescaleDB's microseconds") {
    for (const auto& c : kCases) {
        CAPTURE(std::string(c.text));
        CHECK(interval_microseconds(c.text) == c.us);
    }
}
