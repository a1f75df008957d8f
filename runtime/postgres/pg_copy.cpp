// COPY text format lines: escaping as CopyAttributeOutText does, splitting and
// unescaping as CopyReadAttributesText does (PostgreSQL's src/backend/commands/copy*.c).
#include "schemac/postgres/pg_codec.hpp"

namespace schemac::pg {
namespace {

[[noreturn]] void bad_line(std::string_view line, const std::string& reason) {
    constexpr std::size_t kMax = 120;
    std::string shown(line.substr(0, kMax));
    for (char& c : shown)
        if (c == '\t') c = ' ';  // keep the message on one readable line
    throw PgTextError("invalid COPY line \"" + shown + (line.size() > kMax ? "\"..." : "\"") + ": " + reason);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The escape letter for a byte COPY writes escaped, or 0.
char escape_letter(char c) {
    switch (c) {
        case '\\': return '\\';
        case '\t': return 't';
        case '\n': return 'n';
        case '\r': return 'r';
        case '\b': return 'b';
        case '\f': return 'f';
        case '\v': return 'v';
        default: return 0;
    }
}

}  // namespace

void append_copy_field(std::string& line, std::string_view text) {
    line.reserve(line.size() + text.size());
    std::size_t run = 0;  // start of the bytes not yet appended
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char e = escape_letter(text[i]);
        if (e == 0) continue;
        line.append(text.data() + run, i - run);
        line += '\\';
        line += e;
        run = i + 1;
    }
    line.append(text.data() + run, text.size() - run);
}

void append_copy_null(std::string& line) { line += "\\N"; }

void split_copy_line(std::string_view line, std::vector<std::optional<std::string>>& fields) {
    std::size_t count = 0;  // fields filled so far; fields[count..] are reused storage
    const auto next_text = [&]() -> std::string& {
        if (count == fields.size()) fields.emplace_back(std::in_place);
        else if (!fields[count]) fields[count].emplace();
        else fields[count]->clear();
        return *fields[count++];
    };

    std::size_t i = 0;
    for (;;) {  // one field per iteration
        const std::size_t start = i;
        if (line.substr(start, 2) == "\\N" && (start + 2 == line.size() || line[start + 2] == '\t')) {
            if (count == fields.size()) fields.emplace_back();
            else fields[count].reset();
            ++count;
            i = start + 2;
        } else {
            std::string& out = next_text();
            std::size_t run = i;
            while (i < line.size() && line[i] != '\t') {
                const char c = line[i];
                if (c == '\n' || c == '\r') bad_line(line, "raw newline or carriage return at offset " + std::to_string(i));
                if (c != '\\') {
                    ++i;
                    continue;
                }
                out.append(line.data() + run, i - run);
                const std::size_t escape_at = i;
                if (++i >= line.size()) bad_line(line, "backslash at the end of the line");
                const char e = line[i++];
                int value = -1;  // a byte given as octal or hex
                switch (e) {
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'v': out += '\v'; break;
                    case 'N': bad_line(line, "\\N inside a longer field at offset " + std::to_string(escape_at));
                    case 'x':
                        if (i < line.size() && hex_digit(line[i]) >= 0) {
                            value = hex_digit(line[i++]);
                            if (i < line.size() && hex_digit(line[i]) >= 0) value = value * 16 + hex_digit(line[i++]);
                        } else {
                            out += 'x';  // "\x" without digits is a plain x, as in COPY FROM
                        }
                        break;
                    default:
                        if (e >= '0' && e <= '7') {
                            value = e - '0';
                            for (int k = 0; k < 2 && i < line.size() && line[i] >= '0' && line[i] <= '7'; ++k) {
                                value = value * 8 + (line[i++] - '0');
                            }
                            value &= 0xff;  // "\777" keeps the low byte, as COPY FROM does
                        } else {
                            out += e;  // any other escaped character stands for itself
                        }
                        break;
                }
                if (value == 0) bad_line(line, "escape at offset " + std::to_string(escape_at) + " makes a zero byte");
                if (value > 0) out += static_cast<char>(value);
                run = i;
            }
            out.append(line.data() + run, i - run);
        }
        if (i >= line.size()) break;
        ++i;  // the tab: another field follows (possibly empty)
    }
    fields.resize(count);
}

}  // namespace schemac::pg
