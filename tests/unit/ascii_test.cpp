// schemac/core/ascii.hpp: the character classes of SQL, YAML and config text
// are ASCII's whatever locale the application sets. Checked against
// <cctype> in the "C" locale for all 256 byte values, then again after
// switching to every other locale this machine has (where <cctype> may
// answer differently, e.g. isalpha(0xE9) in a Latin-1 locale).
#include <doctest/doctest.h>

#include <cctype>
#include <clocale>
#include <cstdio>
#include <memory>
#include <schemac/core/ascii.hpp>
#include <string>
#include <vector>

using namespace schemac;

namespace {

struct Classes {
    bool alpha, alnum, digit, space, lower, upper, xdigit;
    char to_lower, to_upper;
    bool operator==(const Classes&) const = default;
};

Classes ours(int b) {
    const char c = static_cast<char>(b);
    return {is_ascii_alpha(c), is_ascii_alnum(c), is_ascii_digit(c), is_ascii_space(c), is_ascii_lower(c),
            is_ascii_upper(c), is_ascii_xdigit(c), ascii_lower(c),   ascii_upper(c)};
}

Classes c_locale(int b) {
    return {std::isalpha(b) != 0, std::isalnum(b) != 0, std::isdigit(b) != 0, std::isspace(b) != 0,
            std::islower(b) != 0, std::isupper(b) != 0, std::isxdigit(b) != 0,
            static_cast<char>(std::tolower(b)), static_cast<char>(std::toupper(b))};
}

std::vector<std::string> installed_locales() {
    std::vector<std::string> out;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen("locale -a 2>/dev/null", "r"), pclose);
    if (!p) return out;
    char line[256];
    while (std::fgets(line, sizeof line, p.get())) {
        std::string l(line);
        while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.pop_back();
        if (!l.empty()) out.push_back(l);
    }
    return out;
}

}  // namespace

TEST_CASE("ascii: the C locale's classes for every byte, in every locale") {
    REQUIRE(std::setlocale(LC_ALL, "C") != nullptr);
    std::vector<Classes> expected;
    for (int b = 0; b < 256; ++b) {
        expected.push_back(c_locale(b));
        CHECK_MESSAGE(ours(b) == expected.back(), "byte ", b);
    }
    for (const auto& name : installed_locales()) {
        if (!std::setlocale(LC_ALL, name.c_str())) continue;
        for (int b = 0; b < 256; ++b) CHECK_MESSAGE(ours(b) == expected[static_cast<std::size_t>(b)], "byte ", b, " in ", name);
    }
    std::setlocale(LC_ALL, "C");
    CHECK(ascii_lower(std::string_view("SELECT Ä")) == "select Ä");
    CHECK(ascii_trim(" \t\r\n x y \v\f") == "x y");
}
