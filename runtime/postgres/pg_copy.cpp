// COPY text format lines: escaping as CopyAttributeOutText does, splitting and
// unescaping as CopyReadAttributesText does (PostgreSQL's src/backend/commands/copy*.c).
#include "schemac/postgres/pg_codec.hpp"

#include <cstring>

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

void split_copy_line_in_place(char* data, std::size_t size, std::vector<std::optional<std::string_view>>& fields,
                              std::string_view shown) {
    // Reads at i, writes at w <= i: a field's unescaped bytes go over the
    // escaped ones behind the read position, and every byte read is intact.
    const std::string_view line(data, size);
    const std::string_view shown_line = shown.empty() ? line : shown;
    fields.clear();
    std::size_t i = 0;
    for (;;) {  // one field per iteration
        const std::size_t start = i;
        if (line.substr(start, 2) == "\\N" && (start + 2 == size || line[start + 2] == '\t')) {
            fields.emplace_back();
            i = start + 2;
        } else {
            std::size_t w = start;    // end of the unescaped field so far
            std::size_t run = start;  // start of the bytes read but not yet moved to w
            const auto put = [&](char c) { data[w++] = c; };
            while (i < size && line[i] != '\t') {
                const char c = line[i];
                if (c == '\n' || c == '\r') bad_line(shown_line, "raw newline or carriage return at offset " + std::to_string(i));
                if (c != '\\') {
                    ++i;
                    continue;
                }
                if (w != run) std::memmove(data + w, data + run, i - run);
                w += i - run;
                const std::size_t escape_at = i;
                if (++i >= size) bad_line(shown_line, "backslash at the end of the line");
                const char e = line[i++];
                int value = -1;  // a byte given as octal or hex
                switch (e) {
                    case 'b': put('\b'); break;
                    case 'f': put('\f'); break;
                    case 'n': put('\n'); break;
                    case 'r': put('\r'); break;
                    case 't': put('\t'); break;
                    case 'v': put('\v'); break;
                    case 'N': bad_line(shown_line, "\\N inside a longer field at offset " + std::to_string(escape_at));
                    case 'x':
                        if (i < size && hex_digit(line[i]) >= 0) {
                            value = hex_digit(line[i++]);
                            if (i < size && hex_digit(line[i]) >= 0) value = value * 16 + hex_digit(line[i++]);
                        } else {
                            put('x');  // "\x" without digits is a plain x, as in COPY FROM
                        }
                        break;
                    default:
                        if (e >= '0' && e <= '7') {
                            value = e - '0';
                            for (int k = 0; k < 2 && i < size && line[i] >= '0' && line[i] <= '7'; ++k) {
                                value = value * 8 + (line[i++] - '0');
                            }
                            value &= 0xff;  // "\777" keeps the low byte, as COPY FROM does
                        } else {
                            put(e);  // any other escaped character stands for itself
                        }
                        break;
                }
                if (value == 0) bad_line(shown_line, "escape at offset " + std::to_string(escape_at) + " makes a zero byte");
                if (value > 0) put(static_cast<char>(value));
                run = i;
            }
            if (w != run) std::memmove(data + w, data + run, i - run);
            w += i - run;
            fields.emplace_back(std::string_view(data + start, w - start));
        }
        if (i >= size) break;
        ++i;  // the tab: another field follows (possibly empty)
    }
}

void split_copy_line(std::string_view line, std::vector<std::optional<std::string>>& fields) {
    thread_local std::string copy;
    thread_local std::vector<std::optional<std::string_view>> views;
    copy.assign(line);
    split_copy_line_in_place(copy.data(), copy.size(), views, line);
    fields.resize(views.size());
    for (std::size_t k = 0; k < views.size(); ++k) {
        if (!views[k]) {
            fields[k].reset();
        } else if (fields[k]) {
            fields[k]->assign(*views[k]);   // keeps the string's capacity
        } else {
            fields[k].emplace(*views[k]);
        }
    }
}

}  // namespace schemac::pg
