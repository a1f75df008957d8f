// Passwords made to break connection strings, for the tests that prove no
// message shows them (unit: password masking; integration: passwords): every
// character that means something in a URL or a key=value conninfo.
#pragma once
#include <cctype>
#include <string>
#include <vector>

namespace schemac::test {

inline const std::string kSpecials = "/@:?#[]%&=+;, '\"\\";

// Percent-encoded as in a URL: everything but letters and digits.
inline std::string encoded(const std::string& p) {
    static const char* hex = "0123456789ABCDEF";
    std::string e;
    for (char c : p) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            e += c;
        } else {
            e += '%';
            e += hex[static_cast<unsigned char>(c) >> 4];
            e += hex[static_cast<unsigned char>(c) & 15];
        }
    }
    return e;
}

// Runs of letters and digits of at least three, as in "hunter2/x": what libpq
// may quote back when it cuts the password at a special character.
inline std::vector<std::string> long_pieces(const std::string& p) {
    std::vector<std::string> out;
    std::string run;
    for (char c : p + "/") {
        if (kSpecials.find(c) == std::string::npos) {
            run += c;
        } else {
            if (run.size() >= 3) out.push_back(run);
            run.clear();
        }
    }
    return out;
}

}  // namespace schemac::test
