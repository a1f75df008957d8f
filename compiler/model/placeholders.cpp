#include "model/placeholders.hpp"

namespace schemac {

namespace {

bool ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool digit(char c) { return c >= '0' && c <= '9'; }
// PostgreSQL allows '$' inside an identifier (not first), but not in a dollar-quote tag.
bool ident_char(char c) { return ident_start(c) || digit(c) || c == '$'; }
bool tag_char(char c) { return ident_start(c) || digit(c); }

class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

    PlaceholderScan run() {
        while (i_ < s_.size() && !out_.unterminated) step();
        return std::move(out_);
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    PlaceholderScan out_;

    char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }

    void unterminated(std::size_t start, const char* what) { out_.unterminated = Unterminated{start, what}; }

    void step() {
        const char c = s_[i_];
        if (c == '-' && at(i_ + 1) == '-') {
            const auto nl = s_.find('\n', i_);
            i_ = nl == std::string_view::npos ? s_.size() : nl + 1;
        } else if (c == '/' && at(i_ + 1) == '*') {
            block_comment();
        } else if (c == '\'') {
            quoted(i_, '\'', false);
        } else if (c == '"') {
            quoted(i_, '"', false);
        } else if ((c == 'e' || c == 'E') && at(i_ + 1) == '\'') {
            // E'...' only at the start of a token: an identifier ending in e
            // was consumed whole below, so reaching here means a token start.
            ++i_;
            quoted(i_ - 1, '\'', true);
        } else if (c == '$') {
            dollar();
        } else if (ident_start(c)) {
            // U&'...', B'...', X'...', N'...' are read as a word and then a
            // standard string, which is how their quotes behave too.
            while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
        } else {
            ++i_;
        }
    }

    void block_comment() {
        const std::size_t start = i_;
        int depth = 0;
        while (i_ < s_.size()) {
            if (s_[i_] == '/' && at(i_ + 1) == '*') { ++depth; i_ += 2; }
            else if (s_[i_] == '*' && at(i_ + 1) == '/') {
                i_ += 2;
                if (--depth == 0) return;
            } else ++i_;
        }
        unterminated(start, "comment");
    }

    // s_[i_] is the opening quote; a doubled quote is the quote itself.
    void quoted(std::size_t start, char q, bool backslash) {
        ++i_;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (backslash && c == '\\') { i_ += 2; continue; }
            if (c == q) {
                if (at(i_ + 1) == q) { i_ += 2; continue; }
                ++i_;
                return;
            }
            ++i_;
        }
        i_ = s_.size();
        unterminated(start, q == '"' ? "quoted identifier" : "string literal");
    }

    // A parameter ($ digits) or a dollar-quoted string ($tag$ ... $tag$).
    void dollar() {
        const std::size_t start = i_;
        if (digit(at(i_ + 1))) {
            std::size_t k = i_ + 1;
            std::uint64_t n = 0;
            while (k < s_.size() && digit(s_[k])) {
                if (n < Placeholder::kTooLarge) n = n * 10 + static_cast<std::uint64_t>(s_[k] - '0');
                ++k;
            }
            Placeholder p;
            p.offset = start;
            p.text = std::string(s_.substr(start, k - start));
            p.number = n >= Placeholder::kTooLarge ? Placeholder::kTooLarge : static_cast<std::uint32_t>(n);
            out_.placeholders.push_back(std::move(p));
            i_ = k;
            return;
        }
        std::size_t k = i_ + 1;
        if (k < s_.size() && ident_start(s_[k]))
            while (k < s_.size() && tag_char(s_[k])) ++k;
        if (at(k) != '$') {   // a lone '$': not ours to judge, PostgreSQL will
            ++i_;
            return;
        }
        const std::string_view tag = s_.substr(start, k + 1 - start);   // "$tag$"
        const auto end = s_.find(tag, k + 1);
        if (end == std::string_view::npos) {
            i_ = s_.size();
            unterminated(start, "dollar-quoted string");
            return;
        }
        i_ = end + tag.size();
    }
};

}  // namespace

PlaceholderScan scan_placeholders(std::string_view sql) { return Scanner(sql).run(); }

}  // namespace schemac
