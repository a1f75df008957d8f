#include "model/interval.hpp"

#include <cmath>
#include <cstdint>
#include <schemac/core/ascii.hpp>
#include <string>
#include <tuple>   // std::tie

namespace schemac {
namespace {

enum class Field { Months, Days, Micros };
// Which of the server's fields a unit fills: each at most once ("1 day 1 d" is refused).
enum Slot : unsigned {
    kMicrosecond = 1, kMillisecond = 2, kSecond = 4, kMinute = 8, kHour = 16, kDay = 32, kWeek = 64,
    kMonth = 128, kYear = 256, kDecade = 512, kCentury = 1024, kMillennium = 2048
};

struct Unit {
    const char* name;
    Field field;
    long double factor;   // in months, days or microseconds
    Slot slot;
};

// PostgreSQL's unit words and abbreviations (datetime.c's deltatktbl).
const Unit* unit(const std::string& w) {
    using F = Field;
    static const Unit units[] = {
        {"microsecond", F::Micros, 1, kMicrosecond}, {"microseconds", F::Micros, 1, kMicrosecond},
        {"microsecon", F::Micros, 1, kMicrosecond}, {"us", F::Micros, 1, kMicrosecond}, {"usec", F::Micros, 1, kMicrosecond},
        {"usecs", F::Micros, 1, kMicrosecond}, {"usecond", F::Micros, 1, kMicrosecond}, {"useconds", F::Micros, 1, kMicrosecond},
        {"millisecond", F::Micros, 1e3, kMillisecond}, {"milliseconds", F::Micros, 1e3, kMillisecond},
        {"millisecon", F::Micros, 1e3, kMillisecond}, {"ms", F::Micros, 1e3, kMillisecond}, {"msec", F::Micros, 1e3, kMillisecond},
        {"msecs", F::Micros, 1e3, kMillisecond}, {"msecond", F::Micros, 1e3, kMillisecond}, {"mseconds", F::Micros, 1e3, kMillisecond},
        {"second", F::Micros, 1e6, kSecond}, {"seconds", F::Micros, 1e6, kSecond}, {"s", F::Micros, 1e6, kSecond},
        {"sec", F::Micros, 1e6, kSecond}, {"secs", F::Micros, 1e6, kSecond},
        {"minute", F::Micros, 6e7, kMinute}, {"minutes", F::Micros, 6e7, kMinute}, {"m", F::Micros, 6e7, kMinute},
        {"min", F::Micros, 6e7, kMinute}, {"mins", F::Micros, 6e7, kMinute},
        {"hour", F::Micros, 3.6e9, kHour}, {"hours", F::Micros, 3.6e9, kHour}, {"h", F::Micros, 3.6e9, kHour},
        {"hr", F::Micros, 3.6e9, kHour}, {"hrs", F::Micros, 3.6e9, kHour},
        {"day", F::Days, 1, kDay}, {"days", F::Days, 1, kDay}, {"d", F::Days, 1, kDay},
        {"week", F::Days, 7, kWeek}, {"weeks", F::Days, 7, kWeek}, {"w", F::Days, 7, kWeek},
        {"month", F::Months, 1, kMonth}, {"months", F::Months, 1, kMonth}, {"mon", F::Months, 1, kMonth},
        {"mons", F::Months, 1, kMonth},
        {"year", F::Months, 12, kYear}, {"years", F::Months, 12, kYear}, {"y", F::Months, 12, kYear},
        {"yr", F::Months, 12, kYear}, {"yrs", F::Months, 12, kYear},
        {"decade", F::Months, 120, kDecade}, {"decades", F::Months, 120, kDecade}, {"dec", F::Months, 120, kDecade},
        {"decs", F::Months, 120, kDecade},
        {"century", F::Months, 1200, kCentury}, {"centuries", F::Months, 1200, kCentury}, {"c", F::Months, 1200, kCentury},
        {"cent", F::Months, 1200, kCentury},
        {"millennium", F::Months, 12000, kMillennium}, {"millennia", F::Months, 12000, kMillennium},
        {"mil", F::Months, 12000, kMillennium}, {"mils", F::Months, 12000, kMillennium},
    };
    for (const auto& u : units)
        if (w == u.name) return &u;
    return nullptr;
}

// Digits with at most one '.', read the same whatever the C locale's decimal point.
std::optional<long double> decimal(std::string_view digits) {
    long double v = 0, scale = 1;
    bool fraction = false, any = false;
    for (char c : digits) {
        if (c == '.') {
            if (fraction) return std::nullopt;
            fraction = true;
            continue;
        }
        if (!is_ascii_digit(c)) return std::nullopt;
        any = true;
        if (fraction) scale /= 10;
        v = v * 10 + (c - '0');
    }
    if (!any) return std::nullopt;
    return v * scale;
}

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    std::optional<IntervalValue> read() {
        skip_space();
        if (peek() == 'P') return iso();
        if (peek() == '@') { ++i_; skip_space(); }
        bool any = false, ago = false;
        while (i_ < s_.size()) {
            if (is_ascii_alpha(peek())) {
                if (word() != "ago" || ago || !any) return std::nullopt;
                ago = true;
            } else if (!term()) {
                return std::nullopt;
            } else {
                any = true;
            }
            skip_space();
        }
        if (!any) return std::nullopt;
        if (ago) v_.months = -v_.months, v_.days = -v_.days, v_.micros = -v_.micros;
        return v_;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    IntervalValue v_;
    unsigned filled_ = 0;

    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    void skip_space() { while (i_ < s_.size() && (is_ascii_space(s_[i_]) || s_[i_] == ',')) ++i_; }

    std::string word() {
        std::string w;
        while (i_ < s_.size() && is_ascii_alpha(s_[i_])) w += ascii_lower(s_[i_++]);
        return w;
    }

    bool fill(unsigned slots) {
        if (filled_ & slots) return false;
        filled_ |= slots;
        return true;
    }

    void add(Field f, long double n) {
        auto [value, added] = f == Field::Months ? std::tie(v_.months, v_.added_months)
                             : f == Field::Days   ? std::tie(v_.days, v_.added_days)
                                                  : std::tie(v_.micros, v_.added_micros);
        value += n;
        added += std::fabs(n);
    }

    // [sign] number, then a unit word (glued or not), a clock (":"), or nothing (seconds).
    bool term() {
        bool negative = false;
        if (peek() == '+' || peek() == '-') {
            negative = s_[i_++] == '-';
            while (is_ascii_space(peek())) ++i_;
        }
        const std::size_t start = i_;
        while (is_ascii_digit(peek()) || peek() == '.') ++i_;
        auto n = decimal(s_.substr(start, i_ - start));
        if (!n) return false;
        const char next = peek();
        if (next == ':') return clock(*n, negative, s_.substr(start, i_ - start).find('.') == std::string_view::npos);
        if (next != '\0' && next != ',' && !is_ascii_space(next) && !is_ascii_alpha(next))
            return false;   // "1-2" is SQL-standard years-months, "1/2" no interval
        skip_space();
        std::string w = word();
        // A bare number is seconds, and only last ("1 minute 30"; the server refuses "30 1 minute").
        if (w.empty() && i_ < s_.size()) return false;
        const Unit* u = unit(w.empty() ? "seconds" : w);
        if (!u || !fill(u->slot)) return false;
        add(u->field, (negative ? -*n : *n) * u->factor);
        return true;
    }

    // hh:mm[:ss[.fraction]] after its hours; the hours have no upper bound
    // ("36:00:00"), the minutes stop at 59 and the seconds at 60, as the server's.
    bool clock(long double hours, bool negative, bool whole_hours) {
        if (!whole_hours || !fill(kHour | kMinute | kSecond)) return false;
        long double parts[2] = {0, 0};
        for (int k = 0; k < 2 && peek() == ':'; ++k) {
            ++i_;
            const std::size_t start = i_;
            while (is_ascii_digit(peek()) || (k == 1 && peek() == '.')) ++i_;
            auto n = decimal(s_.substr(start, i_ - start));
            if (!n) return false;
            parts[k] = *n;
        }
        if (peek() == ':' || parts[0] > 59 || parts[1] > 60) return false;
        const long double magnitude = hours * 3.6e9L + parts[0] * 6e7L + parts[1] * 1e6L;
        add(Field::Micros, negative ? -magnitude : magnitude);
        return true;
    }

    // P[nY][nM][nW][nD][T[nH][nM][nS]] with at least one component.
    std::optional<IntervalValue> iso() {
        ++i_;
        bool in_time = false, any = false;
        while (i_ < s_.size()) {
            if (s_[i_] == 'T') {
                if (in_time) return std::nullopt;
                in_time = true;
                ++i_;
                continue;
            }
            const std::size_t start = i_;
            while (i_ < s_.size() && (is_ascii_digit(s_[i_]) || s_[i_] == '.')) ++i_;
            auto n = decimal(s_.substr(start, i_ - start));
            if (!n || i_ >= s_.size()) return std::nullopt;
            const char d = s_[i_++];
            const std::string_view allowed = in_time ? "HMS" : "YMWD";
            if (allowed.find(d) == std::string_view::npos) return std::nullopt;
            const Unit* u = unit(in_time ? (d == 'H' ? "h" : d == 'M' ? "m" : "s") : (d == 'Y' ? "y" : d == 'M' ? "mon" : d == 'W' ? "w" : "d"));
            if (!fill(u->slot)) return std::nullopt;
            add(u->field, *n * u->factor);
            any = true;
        }
        if (!any) return std::nullopt;
        return v_;
    }
};

}  // namespace

bool IntervalValue::in_range() const {
    return added_months <= INT32_MAX && added_days <= INT32_MAX && added_micros <= static_cast<long double>(INT64_MAX);
}

std::optional<IntervalValue> read_interval(std::string_view text) { return Reader(text).read(); }

std::optional<std::int64_t> interval_microseconds(std::string_view text) {
    const auto v = read_interval(text);
    if (!v || !v->in_range()) return std::nullopt;
    const long double us = std::nearbyint((v->months * 30 + v->days) * 864e8L + v->micros);
    if (std::fabs(us) > 9.2e18L) return std::nullopt;
    return static_cast<std::int64_t>(us);
}

}  // namespace schemac
