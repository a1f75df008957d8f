// libFuzzer target for the password masking: the input is a connection string,
// a newline, and a message. Whatever libpq parses as the password must not be
// in the masked message, nor in the masked messages libpq could give about the
// string (its parse error, and each value it parsed, quoted as it quotes them).
// Never a crash, a hang or a sanitizer report.
#include <libpq-fe.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "schemac/migrate/runner.hpp"

namespace {

void require_hidden(const std::string& message, const std::string& conninfo, const std::string& password) {
    const std::string out = schemac::scrub_passwords(message, conninfo);
    if (!password.empty() && out.find(password) != std::string::npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = input.find('\n');
    // libpq reads a C string: the conninfo ends at a zero byte.
    std::string conninfo = input.substr(0, nl);
    conninfo = conninfo.substr(0, conninfo.find('\0'));
    const std::string message = nl == std::string::npos ? "" : input.substr(nl + 1);

    std::string password;
    std::vector<std::string> messages{message};
    char* error = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &error);
    if (error) messages.push_back(error);
    PQfreemem(error);
    for (PQconninfoOption* o = opts; o && o->keyword; ++o) {
        if (!o->val) continue;
        if (std::string(o->keyword) == "password") password = o->val;
        messages.push_back(std::string("invalid value \"") + o->val + "\" for option \"" + o->keyword + "\"");
    }
    PQconninfoFree(opts);
    // A password of nothing but the mask's own characters cannot be told from it.
    if (std::all_of(password.begin(), password.end(), [](char c) { return c == '*' || c == '"'; })) password.clear();
    messages.push_back(message + password + message);

    for (const auto& m : messages) require_hidden(m, conninfo, password);
    (void)schemac::redact_conninfo(conninfo);
    return 0;
}
