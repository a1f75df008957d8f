// PostgreSQL text forms of the value types in values.hpp. Each parser mirrors
// what the server prints (numeric_out, uuid_out, EncodeInterval with
// IntervalStyle iso_8601, byteaout hex, EncodeDateTime with DateStyle ISO and
// TimeZone UTC) and accepts the nearby forms its input functions accept where
// that costs nothing; see the header for the exact rules.
#include "schemac/postgres/values.hpp"

#include <limits>

#include "schemac/postgres/pg_codec.hpp"

namespace schemac {

// The text forms, without the Codec's exception: parse returns std::nullopt
// and says why in `error` (when given). Codec<T> (at the end) is their only caller.
namespace value_text {
template <class T> std::optional<T> parse(std::string_view text, std::string* error);
std::string format(const Decimal& v);
std::string format(const Uuid& v);
std::string format(const Interval& v);
std::string format(const Bytes& v);
std::string format(const Json& v);
std::string format(const Timestamp& v);
std::string format(const LocalTimestamp& v);
std::string format(const Date& v);
std::string format(const TimeOfDay& v);
std::string format(const TimeOfDayTz& v);
}  // namespace value_text

namespace {

constexpr std::int64_t kUsecPerSec = 1'000'000;
constexpr std::int64_t kUsecPerMin = 60 * kUsecPerSec;
constexpr std::int64_t kUsecPerHour = 60 * kUsecPerMin;
constexpr std::int64_t kUsecPerDay = 24 * kUsecPerHour;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Sets *error (if wanted) and returns an empty optional of any type.
struct Fail {
    std::string* error;
    std::nullopt_t operator()(std::string message) const {
        if (error) *error = std::move(message);
        return std::nullopt;
    }
};

std::string describe_char(std::string_view s, std::size_t i) {
    if (i >= s.size()) return "unexpected end";
    return "unexpected '" + std::string(1, s[i]) + "' at offset " + std::to_string(i);
}

bool is_infinity_word(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    return iequals(s, "infinity") || iequals(s, "inf");
}

// Appends v as decimal digits, zero-padded to width.
void append_padded(std::string& out, std::int64_t v, int width) {
    std::string d = std::to_string(v);
    if (static_cast<int>(d.size()) < width) out.append(static_cast<std::size_t>(width) - d.size(), '0');
    out += d;
}

// ".123456" with trailing zeros trimmed, nothing for 0; frac in 0..999999.
void append_fraction(std::string& out, std::int64_t frac) {
    if (frac == 0) return;
    std::string d = std::to_string(frac);
    d.insert(0, 6 - d.size(), '0');
    while (d.back() == '0') d.pop_back();
    out += '.';
    out += d;
}

// Digits at s[i..] into *out, at most max_digits; returns how many were read.
std::size_t read_digits(std::string_view s, std::size_t& i, std::size_t max_digits, std::int64_t* out) {
    std::size_t start = i;
    std::int64_t v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < max_digits) v = v * 10 + (s[i++] - '0');
    *out = v;
    return i - start;
}

// ---- civil calendar (proleptic Gregorian, astronomical years; H. Hinnant's algorithms)

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) --q;
    return q;
}

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

unsigned days_in_month(std::int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// "YYYY-MM-DD" (year at least 4 digits); astronomical years <= 0 are BC.
void append_date(std::string& out, std::int64_t days, bool* bc) {
    Civil c = civil_from_days(days);
    *bc = c.year <= 0;
    append_padded(out, *bc ? 1 - c.year : c.year, 4);
    out += '-';
    append_padded(out, c.month, 2);
    out += '-';
    append_padded(out, c.day, 2);
}

// "HH:MM:SS[.ffffff]" for us in [0, one day).
void append_time(std::string& out, std::int64_t us) {
    append_padded(out, us / kUsecPerHour, 2);
    out += ':';
    append_padded(out, us / kUsecPerMin % 60, 2);
    out += ':';
    append_padded(out, us / kUsecPerSec % 60, 2);
    append_fraction(out, us % kUsecPerSec);
}

// "HH:MM:SS[.ffffff]" at s[i..]: the time of day of timestamp and time texts,
// read by both. `second_colon` is what a missing second ':' is said to
// expect. The fields are not range-checked here (see clock_us).
struct ClockText {
    std::int64_t h = 0, m = 0, sec = 0, frac = 0;   // frac in microseconds
};

std::optional<ClockText> read_clock(std::string_view s, std::size_t& i, const Fail& fail, const char* second_colon) {
    ClockText c;
    if (read_digits(s, i, 2, &c.h) != 2) return fail("expected 2-digit hours at offset " + std::to_string(i));
    if (i >= s.size() || s[i] != ':') return fail(describe_char(s, i) + ", expected ':'");
    ++i;
    if (read_digits(s, i, 2, &c.m) != 2) return fail("expected 2-digit minutes at offset " + std::to_string(i));
    if (i >= s.size() || s[i] != ':') return fail(describe_char(s, i) + second_colon);
    ++i;
    if (read_digits(s, i, 2, &c.sec) != 2) return fail("expected 2-digit seconds at offset " + std::to_string(i));
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t n = read_digits(s, i, 6, &c.frac);
        if (n == 0) return fail("expected fraction digits at offset " + std::to_string(i));
        if (i < s.size() && is_digit(s[i])) return fail("more than 6 fraction digits (PostgreSQL keeps microseconds)");
        for (std::size_t k = n; k < 6; ++k) c.frac *= 10;
    }
    return c;
}

// The clock's microseconds since midnight, its fields checked: hours up to
// `max_hour` (23 in a timestamp, 24 in a time), minutes and seconds up to 59.
std::optional<std::int64_t> clock_us(const ClockText& c, std::int64_t max_hour, const Fail& fail) {
    if (c.h > max_hour) return fail("hour " + std::to_string(c.h) + " out of range 00-" + std::to_string(max_hour));
    if (c.m > 59) return fail("minute " + std::to_string(c.m) + " out of range 00-59");
    if (c.sec > 59) return fail("second " + std::to_string(c.sec) + " out of range 00-59");
    return c.h * kUsecPerHour + c.m * kUsecPerMin + c.sec * kUsecPerSec + c.frac;
}

// The microseconds of a time of day (time, timetz): hours up to 24, and
// nothing after 24:00:00.
std::optional<std::int64_t> time_of_day_us(const ClockText& c, const Fail& fail) {
    const auto us = clock_us(c, 24, fail);
    if (us && *us > kUsecPerDay) return fail("after 24:00:00");
    return us;
}

// "+HH[:MM[:SS]]" or "-..." at s[i] (a sign there): seconds east of UTC, at
// most 15:59:59 either way, as PostgreSQL allows.
std::optional<std::int64_t> read_offset(std::string_view s, std::size_t& i, const Fail& fail) {
    const bool neg = s[i] == '-';
    ++i;
    std::int64_t oh = 0, om = 0, os = 0;
    if (read_digits(s, i, 2, &oh) != 2) return fail("expected 2-digit offset hours at offset " + std::to_string(i));
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (read_digits(s, i, 2, &om) != 2) return fail("expected 2-digit offset minutes at offset " + std::to_string(i));
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (read_digits(s, i, 2, &os) != 2) return fail("expected 2-digit offset seconds at offset " + std::to_string(i));
        }
    }
    if (oh > 15 || om > 59 || os > 59) return fail("UTC offset out of range (at most 15:59:59)");
    return (neg ? -1 : 1) * (oh * 3600 + om * 60 + os);
}

// The parts of a date/timestamp text, shared by the three time parsers.
struct DateTimeText {
    std::int64_t days = 0;          // since 1970-01-01
    std::int64_t time_us = 0;       // time of day
    std::int64_t offset_sec = 0;    // east of UTC
    bool has_offset = false;
};

enum class TimeKind { date, timestamp, timestamptz };

std::optional<DateTimeText> parse_date_time(std::string_view s, TimeKind kind, std::string* error) {
    Fail fail{error};
    if (is_infinity_word(s)) return fail(std::string(s[0] == '-' ? "-infinity" : "infinity") + " is not supported");
    DateTimeText r;
    std::size_t i = 0;
    std::int64_t year = 0, month = 0, day = 0;
    if (read_digits(s, i, 7, &year) < 4 || (i < s.size() && is_digit(s[i]))) {
        return fail("expected a year of 4 to 7 digits at offset 0");
    }
    if (i >= s.size() || s[i] != '-') return fail(describe_char(s, i) + ", expected '-'");
    ++i;
    if (read_digits(s, i, 2, &month) != 2) return fail("expected a 2-digit month at offset " + std::to_string(i));
    if (i >= s.size() || s[i] != '-') return fail(describe_char(s, i) + ", expected '-'");
    ++i;
    if (read_digits(s, i, 2, &day) != 2) return fail("expected a 2-digit day at offset " + std::to_string(i));
    if (kind != TimeKind::date) {
        if (i >= s.size() || (s[i] != ' ' && s[i] != 'T')) return fail(describe_char(s, i) + ", expected ' ' and a time");
        ++i;
        const auto clock = read_clock(s, i, fail, ", expected ':'");
        if (!clock) return std::nullopt;
        const auto us = clock_us(*clock, 23, fail);
        if (!us) return std::nullopt;
        r.time_us = *us;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            if (kind != TimeKind::timestamptz) return fail("a timestamp without time zone has no UTC offset");
            const auto offset = read_offset(s, i, fail);
            if (!offset) return std::nullopt;
            r.offset_sec = *offset;
            r.has_offset = true;
        } else if (kind == TimeKind::timestamptz) {
            return fail(describe_char(s, i) + ", expected a UTC offset such as +00");
        }
    }
    bool bc = false;
    if (s.substr(i) == " BC") {
        bc = true;
        i += 3;
    }
    if (i != s.size()) return fail(describe_char(s, i));
    if (year == 0) return fail("year 0 does not exist (1 BC is followed by 1 AD)");
    if (month < 1 || month > 12) return fail("month " + std::to_string(month) + " out of range 01-12");
    const std::int64_t astro = bc ? 1 - year : year;
    if (day < 1 || day > days_in_month(astro, static_cast<unsigned>(month))) {
        return fail("day " + std::to_string(day) + " out of range for " + std::to_string(year) + "-" +
                    (month < 10 ? "0" : "") + std::to_string(month) + (bc ? " BC" : ""));
    }
    r.days = days_from_civil(astro, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return r;
}

// days * one day + time - offset, or nothing on overflow.
std::optional<std::int64_t> to_microseconds(const DateTimeText& t) {
    // For days < 0 count from the end of the day, so that the earliest
    // representable instant (INT64_MIN) has no overflowing intermediate.
    const std::int64_t whole_days = t.days < 0 ? t.days + 1 : t.days;
    const std::int64_t time = t.days < 0 ? t.time_us - kUsecPerDay : t.time_us;
    std::int64_t us = 0;
    if (__builtin_mul_overflow(whole_days, kUsecPerDay, &us)) return std::nullopt;
    if (__builtin_add_overflow(us, time, &us)) return std::nullopt;
    if (__builtin_sub_overflow(us, t.offset_sec * kUsecPerSec, &us)) return std::nullopt;
    return us;
}

std::string format_timestamp(std::int64_t us, bool with_offset) {
    const std::int64_t days = floor_div(us, kUsecPerDay);
    std::int64_t tod = us % kUsecPerDay;  // not us - days * kUsecPerDay: that overflows near INT64_MIN
    if (tod < 0) tod += kUsecPerDay;
    std::string out;
    bool bc = false;
    append_date(out, days, &bc);
    out += ' ';
    append_time(out, tod);
    if (with_offset) out += "+00";
    if (bc) out += " BC";
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// Decimal

std::optional<Decimal> Decimal::parse(std::string_view s, std::string* error) {
    Fail fail{error};
    if (s.empty()) return fail("empty text");
    if (iequals(s, "nan")) return Decimal("NaN");
    if (is_infinity_word(s)) return fail("infinity is not supported (no exact decimal stands for it)");
    std::size_t i = 0;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
    std::string int_digits, frac_digits;
    while (i < s.size() && is_digit(s[i])) int_digits += s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) frac_digits += s[i++];
    }
    if (int_digits.empty() && frac_digits.empty()) return fail("no digits");
    std::int64_t exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_neg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_neg = s[i++] == '-';
        if (i >= s.size() || !is_digit(s[i])) return fail("no digits in the exponent");
        while (i < s.size() && is_digit(s[i])) {
            exponent = exponent * 10 + (s[i++] - '0');
            if (exponent > 1000) return fail("exponent out of range (at most 1000 either way, as in PostgreSQL)");
        }
        if (exp_neg) exponent = -exponent;
    }
    if (i != s.size()) return fail(describe_char(s, i));

    // Move the decimal point by the exponent; the scale is what numeric_in gives.
    std::string all = int_digits + frac_digits;
    std::int64_t point = static_cast<std::int64_t>(int_digits.size()) + exponent;
    if (point < 0) {
        all.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    }
    if (point > static_cast<std::int64_t>(all.size())) all.append(static_cast<std::size_t>(point) - all.size(), '0');
    std::string ip = all.substr(0, static_cast<std::size_t>(point));
    std::string fp = all.substr(static_cast<std::size_t>(point));
    const std::size_t first = ip.find_first_not_of('0');
    ip = first == std::string::npos ? "0" : ip.substr(first);
    const bool zero = all.find_first_not_of('0') == std::string::npos;
    std::string text = (neg && !zero) ? "-" : "";
    text += ip;
    if (!fp.empty()) text += "." + fp;
    return Decimal(std::move(text));
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.is_nan() || b.is_nan()) return a.is_nan() <=> b.is_nan();  // NaN == NaN, NaN above all
    struct Parts {
        int sign;  // -1, 0, 1
        std::string_view ip, fp;  // fp without trailing zeros
    };
    auto split = [](std::string_view t) {
        Parts p{1, {}, {}};
        if (t[0] == '-') {
            p.sign = -1;
            t.remove_prefix(1);
        }
        const std::size_t dot = t.find('.');
        p.ip = t.substr(0, dot);
        p.fp = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
        while (!p.fp.empty() && p.fp.back() == '0') p.fp.remove_suffix(1);
        if (p.ip == "0" && p.fp.empty()) p.sign = 0;
        return p;
    };
    const Parts x = split(a.text()), y = split(b.text());
    if (x.sign != y.sign) return x.sign <=> y.sign;
    std::strong_ordering mag = x.ip.size() <=> y.ip.size();
    if (mag == 0) mag = x.ip.compare(y.ip) <=> 0;
    if (mag == 0) mag = x.fp.compare(y.fp) <=> 0;
    return x.sign < 0 ? 0 <=> mag : mag;
}

template <> std::optional<Decimal> value_text::parse<Decimal>(std::string_view s, std::string* error) {
    return Decimal::parse(s, error);
}
std::string value_text::format(const Decimal& v) { return v.text(); }

// ---------------------------------------------------------------------------
// Uuid (as uuid_in's string_to_uuid)

template <> std::optional<Uuid> value_text::parse<Uuid>(std::string_view s, std::string* error) {
    Fail fail{error};
    Uuid u;
    std::size_t i = 0;
    const bool braces = !s.empty() && s[0] == '{';
    if (braces) ++i;
    for (std::size_t b = 0; b < 16; ++b) {
        if (i + 1 >= s.size()) return fail("too few hex digits (expected 32)");
        const int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
        if (hi < 0) return fail(describe_char(s, i) + ", expected a hex digit");
        if (lo < 0) return fail(describe_char(s, i + 1) + ", expected a hex digit");
        u.bytes[b] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
        if (i < s.size() && s[i] == '-' && b % 2 == 1 && b < 15) ++i;
    }
    if (braces) {
        if (i >= s.size() || s[i] != '}') return fail(describe_char(s, i) + ", expected '}'");
        ++i;
    }
    if (i != s.size()) return fail(describe_char(s, i));
    return u;
}

std::string value_text::format(const Uuid& v) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t b = 0; b < 16; ++b) {
        if (b == 4 || b == 6 || b == 8 || b == 10) out += '-';
        out += kHex[v.bytes[b] >> 4];
        out += kHex[v.bytes[b] & 15];
    }
    return out;
}

// ---------------------------------------------------------------------------
// Interval (EncodeInterval, INTSTYLE_ISO_8601)

std::string value_text::format(const Interval& v) {
    const std::int64_t year = v.months / 12, mon = v.months % 12, mday = v.days;
    std::int64_t t = v.microseconds;
    const std::int64_t hour = t / kUsecPerHour;
    t -= hour * kUsecPerHour;
    const std::int64_t min = t / kUsecPerMin;
    t -= min * kUsecPerMin;
    const std::int64_t sec = t / kUsecPerSec;
    const std::int64_t fsec = t - sec * kUsecPerSec;
    if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0) return "PT0S";
    std::string out = "P";
    auto part = [&out](std::int64_t value, char unit) {
        if (value == 0) return;
        out += std::to_string(value);
        out += unit;
    };
    part(year, 'Y');
    part(mon, 'M');
    part(mday, 'D');
    if (hour != 0 || min != 0 || sec != 0 || fsec != 0) out += 'T';
    part(hour, 'H');
    part(min, 'M');
    if (sec != 0 || fsec != 0) {
        if (sec < 0 || fsec < 0) out += '-';
        out += std::to_string(sec < 0 ? -sec : sec);
        append_fraction(out, fsec < 0 ? -fsec : fsec);
        out += 'S';
    }
    return out;
}

template <> std::optional<Interval> value_text::parse<Interval>(std::string_view s, std::string* error) {
    Fail fail{error};
    if (is_infinity_word(s)) return fail(std::string(s[0] == '-' ? "-infinity" : "infinity") + " is not supported");
    if (s.empty() || s[0] != 'P') return fail("expected ISO 8601 text starting with 'P' (set IntervalStyle = iso_8601)");
    std::int64_t years = 0, months = 0, days = 0, time = 0;
    int last_unit = -1;  // Y M D H M S = 0..5, strictly increasing
    bool in_time = false, any = false, time_part_after_t = false;
    const std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    std::size_t i = 1;
    while (i < s.size()) {
        if (s[i] == 'T') {
            if (in_time) return fail(describe_char(s, i));
            in_time = true;
            ++i;
            continue;
        }
        bool neg = false;
        if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
        if (i >= s.size() || !is_digit(s[i])) return fail(describe_char(s, i) + ", expected digits");
        std::uint64_t mag = 0;
        while (i < s.size() && is_digit(s[i])) {
            const auto d = static_cast<std::uint64_t>(s[i++] - '0');
            if (mag > (static_cast<std::uint64_t>(kMax) + 1 - d) / 10) return fail("number out of range");
            mag = mag * 10 + d;
        }
        if (mag > static_cast<std::uint64_t>(kMax) + (neg ? 1 : 0)) return fail("number out of range");
        std::int64_t frac = -1;
        if (i < s.size() && s[i] == '.') {
            ++i;
            std::size_t n = read_digits(s, i, 6, &frac);
            if (n == 0) return fail("expected fraction digits at offset " + std::to_string(i));
            if (i < s.size() && is_digit(s[i])) return fail("more than 6 fraction digits (PostgreSQL keeps microseconds)");
            for (std::size_t k = n; k < 6; ++k) frac *= 10;
        }
        if (i >= s.size()) return fail("unexpected end, expected a designator (Y, M, D, H, M or S)");
        const char c = s[i];
        int unit = -1;
        if (!in_time) unit = c == 'Y' ? 0 : c == 'M' ? 1 : c == 'D' ? 2 : -1;
        else unit = c == 'H' ? 3 : c == 'M' ? 4 : c == 'S' ? 5 : -1;
        if (unit < 0) return fail(describe_char(s, i) + ", expected a designator");
        if (unit <= last_unit) return fail("designator '" + std::string(1, c) + "' out of order or repeated");
        if (frac >= 0 && unit != 5) return fail("only seconds may have a fraction");
        ++i;
        last_unit = unit;
        any = true;
        if (in_time) time_part_after_t = true;
        // mag fits in int64 unless it is 2^63 with neg.
        const std::int64_t value = mag == static_cast<std::uint64_t>(kMax) + 1
                                       ? std::numeric_limits<std::int64_t>::min()
                                       : (neg ? -static_cast<std::int64_t>(mag) : static_cast<std::int64_t>(mag));
        std::int64_t us = 0;
        switch (unit) {
            case 0: years = value; break;
            case 1: months = value; break;
            case 2: days = value; break;
            case 3:
            case 4:
            case 5: {
                const std::int64_t per = unit == 3 ? kUsecPerHour : unit == 4 ? kUsecPerMin : kUsecPerSec;
                if (__builtin_mul_overflow(value, per, &us)) return fail("time part out of range");
                if (frac > 0 && __builtin_add_overflow(us, neg ? -frac : frac, &us)) return fail("time part out of range");
                if (__builtin_add_overflow(time, us, &time)) return fail("time part out of range");
                break;
            }
        }
    }
    if (!any) return fail("no parts (zero is \"PT0S\")");
    if (in_time && !time_part_after_t) return fail("'T' without hours, minutes or seconds");
    std::int64_t total_months = 0;
    if (__builtin_mul_overflow(years, 12, &total_months) || __builtin_add_overflow(total_months, months, &total_months) ||
        total_months < std::numeric_limits<std::int32_t>::min() || total_months > std::numeric_limits<std::int32_t>::max()) {
        return fail("years and months out of range");
    }
    if (days < std::numeric_limits<std::int32_t>::min() || days > std::numeric_limits<std::int32_t>::max()) {
        return fail("days out of range");
    }
    return Interval{static_cast<std::int32_t>(total_months), static_cast<std::int32_t>(days), time};
}

// ---------------------------------------------------------------------------
// Bytes (bytea hex format)

void append_bytea_hex(std::string& out, const std::byte* data, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    const std::size_t at = out.size();
    out.resize(at + 2 * size);
    char* p = out.data() + at;
    for (std::size_t i = 0; i < size; ++i) {
        const auto x = std::to_integer<unsigned>(data[i]);
        *p++ = kHex[x >> 4];
        *p++ = kHex[x & 15];
    }
}

std::string value_text::format(const Bytes& v) {
    std::string out = "\\x";
    out.reserve(2 + 2 * v.size());
    append_bytea_hex(out, v.data(), v.size());
    return out;
}

template <> std::optional<Bytes> value_text::parse<Bytes>(std::string_view s, std::string* error) {
    Fail fail{error};
    if (s.size() < 2 || s[0] != '\\' || s[1] != 'x') return fail("expected the hex format \"\\x...\" (bytea_output = hex)");
    Bytes out;
    out.reserve((s.size() - 2) / 2);
    std::size_t i = 2;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            ++i;
            continue;
        }
        const int hi = hex_value(s[i]);
        if (hi < 0) return fail(describe_char(s, i) + ", expected a hex digit");
        if (i + 1 >= s.size()) return fail("odd number of hex digits");
        const int lo = hex_value(s[i + 1]);
        if (lo < 0) return fail(describe_char(s, i + 1) + ", expected a hex digit");
        out.push_back(static_cast<std::byte>(hi * 16 + lo));
        i += 2;
    }
    return out;
}

// ---------------------------------------------------------------------------
// Json

std::string value_text::format(const Json& v) { return v.text(); }
template <> std::optional<Json> value_text::parse<Json>(std::string_view s, std::string*) { return Json(std::string(s)); }

// ---------------------------------------------------------------------------
// Time

std::string value_text::format(const Timestamp& v) { return format_timestamp(v.time_since_epoch().count(), true); }
std::string value_text::format(const LocalTimestamp& v) { return format_timestamp(v.time_since_epoch().count(), false); }
std::string value_text::format(const Date& v) {
    std::string out;
    bool bc = false;
    append_date(out, v.time_since_epoch().count(), &bc);
    if (bc) out += " BC";
    return out;
}

// timestamptz and timestamp read the same way into a time point of their clock.
template <typename TimePoint>
std::optional<TimePoint> parse_time_point(std::string_view s, TimeKind kind, const char* range, std::string* error) {
    auto t = parse_date_time(s, kind, error);
    if (!t) return std::nullopt;
    auto us = to_microseconds(*t);
    if (!us) return Fail{error}(range);
    return TimePoint(std::chrono::microseconds(*us));
}

template <> std::optional<Timestamp> value_text::parse<Timestamp>(std::string_view s, std::string* error) {
    return parse_time_point<Timestamp>(s, TimeKind::timestamptz, "out of the range of sys_time<microseconds>", error);
}

template <> std::optional<LocalTimestamp> value_text::parse<LocalTimestamp>(std::string_view s, std::string* error) {
    return parse_time_point<LocalTimestamp>(s, TimeKind::timestamp, "out of the range of local_time<microseconds>", error);
}

template <> std::optional<Date> value_text::parse<Date>(std::string_view s, std::string* error) {
    auto t = parse_date_time(s, TimeKind::date, error);
    if (!t) return std::nullopt;
    return Date(std::chrono::days(t->days));
}

// TimeOfDay (time_out: EncodeTimeOnly without a zone)

std::string value_text::format(const TimeOfDay& v) {
    const std::int64_t us = v.since_midnight.count();
    if (us < 0 || us > kUsecPerDay) {
        // Not formatted: a negative or too large count has no time text, and
        // sending something the server would roll over hides the bug.
        throw PgTextError("invalid time: " + std::to_string(us) +
                          " microseconds since midnight is outside 00:00:00..24:00:00");
    }
    std::string out;
    append_time(out, us);  // 24h prints as "24:00:00", as PostgreSQL does
    return out;
}

template <> std::optional<TimeOfDay> value_text::parse<TimeOfDay>(std::string_view s, std::string* error) {
    Fail fail{error};
    std::size_t i = 0;
    const auto clock = read_clock(s, i, fail, ", expected ':' and seconds");
    if (!clock) return std::nullopt;
    if (i != s.size()) {
        if (s[i] == '+' || s[i] == '-') return fail("a time without time zone has no UTC offset (that is timetz)");
        return fail(describe_char(s, i));
    }
    const auto us = time_of_day_us(*clock, fail);
    if (!us) return std::nullopt;
    return TimeOfDay{std::chrono::microseconds(*us)};
}

// TimeOfDayTz (timetz_out: EncodeTimeOnly, then EncodeTimezone)

std::string value_text::format(const TimeOfDayTz& v) {
    std::string out = format(TimeOfDay{v.since_midnight});
    const std::int64_t off = v.utc_offset.count();
    if (off <= -16 * 3600 || off >= 16 * 3600)
        throw PgTextError("invalid timetz: a UTC offset of " + std::to_string(off) + " seconds is outside -15:59:59..+15:59:59");
    const std::int64_t a = off < 0 ? -off : off;
    out += off < 0 ? '-' : '+';
    append_padded(out, a / 3600, 2);
    if (a % 3600 != 0) {
        out += ':';
        append_padded(out, a / 60 % 60, 2);
        if (a % 60 != 0) {
            out += ':';
            append_padded(out, a % 60, 2);
        }
    }
    return out;
}

template <> std::optional<TimeOfDayTz> value_text::parse<TimeOfDayTz>(std::string_view s, std::string* error) {
    Fail fail{error};
    std::size_t i = 0;
    const auto clock = read_clock(s, i, fail, ", expected ':' and seconds");
    if (!clock) return std::nullopt;
    const auto us = time_of_day_us(*clock, fail);
    if (!us) return std::nullopt;
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return fail(describe_char(s, i) + ", expected a UTC offset such as +00");
    const auto offset = read_offset(s, i, fail);
    if (!offset) return std::nullopt;
    if (i != s.size()) return fail(describe_char(s, i));
    return TimeOfDayTz{std::chrono::microseconds(*us), std::chrono::seconds(*offset)};
}

// ---------------------------------------------------------------------------

template <> std::string_view pg::type_name<Decimal>() { return "numeric"; }
template <> std::string_view pg::type_name<Uuid>() { return "uuid"; }
template <> std::string_view pg::type_name<Interval>() { return "interval"; }
template <> std::string_view pg::type_name<Bytes>() { return "bytea"; }
template <> std::string_view pg::type_name<Json>() { return "json"; }
template <> std::string_view pg::type_name<Timestamp>() { return "timestamptz"; }
template <> std::string_view pg::type_name<LocalTimestamp>() { return "timestamp"; }
template <> std::string_view pg::type_name<Date>() { return "date"; }
template <> std::string_view pg::type_name<TimeOfDay>() { return "time"; }
template <> std::string_view pg::type_name<TimeOfDayTz>() { return "timetz"; }

namespace pg::detail {

template <class T>
void ValueCodec<T>::write(std::string& out, const T& v) {
    out += value_text::format(v);
}

// Throws PgTextError: "invalid timestamptz \"infinity\": infinity is not supported".
template <class T>
T ValueCodec<T>::read(std::string_view text) {
    std::string error;
    if (auto v = value_text::parse<T>(text, &error)) return std::move(*v);
    throw PgTextError("invalid " + std::string(type_name<T>()) + " \"" + std::string(text) + "\": " + error);
}

template struct ValueCodec<Decimal>;
template struct ValueCodec<Uuid>;
template struct ValueCodec<Interval>;
template struct ValueCodec<Bytes>;
template struct ValueCodec<Json>;
template struct ValueCodec<Timestamp>;
template struct ValueCodec<LocalTimestamp>;
template struct ValueCodec<Date>;
template struct ValueCodec<TimeOfDay>;
template struct ValueCodec<TimeOfDayTz>;

}  // namespace pg::detail
}  // namespace schemac
