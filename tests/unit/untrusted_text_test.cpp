// Untrusted text shown to people or printed into generated code: comments in
// generated C++ (codegen/cpp_names.hpp), echoed values and UTF-8 checks (diag/text.hpp).
#include <doctest/doctest.h>

#include "codegen/cpp_names.hpp"
#include "diag/diagnostics.hpp"
#include "diag/text.hpp"

using schemac::codegen::cpp_comment_text;
using schemac::codegen::cpp_string_literal;

TEST_CASE("codegen: comment text is inert for any text") {
    CHECK(cpp_comment_text("plain text, 日本") == "plain text, 日本");
    CHECK(cpp_comment_text("C:\\") == "C:\\x5c");                // would join the next line
    CHECK(cpp_comment_text("C:\\dir\\ ") == "C:\\dir\\x5c");     // backslash, space, newline joins too (GCC)
    CHECK(cpp_comment_text("a \\ in the middle") == "a \\ in the middle");
    CHECK(cpp_comment_text("what?" "?/") == "what?" "?\\x2f");
    CHECK(cpp_comment_text("two\nlines\r\nthree") == "two lines  three");
    CHECK(cpp_comment_text("a */ b /* c */*") == "a * / b / * c * / *");
    CHECK(cpp_comment_text(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(cpp_comment_text("bad \xff\xc3 utf8 \xe2\x82") == "bad \\xff\\xc3 utf8 \\xe2\\x82");
    CHECK(cpp_comment_text("\xed\xa0\x80 surrogate, \xc0\xaf overlong") == "\\xed\\xa0\\x80 surrogate, \\xc0\\xaf overlong");
    CHECK(cpp_comment_text("rtl \xe2\x80\xae x \xe2\x81\xa9") == "rtl <U+202E> x <U+2069>");
    CHECK(cpp_comment_text("sep\xe2\x80\xa8par\xe2\x80\xa9nel\xc2\x85") == "sep par nel");
    CHECK(cpp_comment_text("esc \x1b[0m del \x7f csi \xc2\x9b") == "esc \\x1b[0m del \\x7f csi <U+009B>");
    CHECK(cpp_comment_text("trailing   \n") == "trailing");
}

TEST_CASE("codegen: string literals keep every byte and escape what is not plain UTF-8") {
    CHECK(cpp_string_literal("q?" "?/") == "\"q\\?\\?/\"");
    CHECK(cpp_string_literal("\xe2\x80\xae" "rtl") == "\"\\342\\200\\256rtl\"");   // -Wbidi-chars
    CHECK(cpp_string_literal("bad \xff" "1") == "\"bad \\3771\"");                 // octal: the 1 stays a 1
    CHECK(cpp_string_literal("é") == "\"é\"");
}

TEST_CASE("diag: UTF-8 decoding") {
    CHECK(schemac::utf8_at("a", 0).length == 1);
    CHECK(schemac::utf8_at("\xc3\xa9", 0).code_point == 0xE9);
    CHECK(schemac::utf8_at("\xf0\x9f\x98\x80", 0).length == 4);
    CHECK(schemac::utf8_at("\xf4\x90\x80\x80", 0).length == 0);   // above U+10FFFF
    CHECK(schemac::utf8_at("\xe0\x80\x80", 0).length == 0);       // overlong
    CHECK(schemac::utf8_at("\x80", 0).length == 0);
    CHECK(schemac::utf8_at("\xc3", 0).length == 0);               // truncated
}

TEST_CASE("diag: echoed values are cut with an ellipsis and their size") {
    CHECK(schemac::echoed("short") == "short");
    CHECK(schemac::echoed(std::string(120, 'a')) == std::string(120, 'a'));
    CHECK(schemac::echoed(std::string(5'000'000, 'a')) == std::string(120, 'a') + "\xe2\x80\xa6 (5000000 bytes)");
    // Cut at a character boundary: 2-byte characters, 10 bytes allowed.
    std::string e;
    for (int i = 0; i < 10; ++i) e += "\xc3\xa9";
    CHECK(schemac::echoed(e, 9) == "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x80\xa6 (20 bytes)");
}

TEST_CASE("diag: long messages cut quoted values, never the apostrophes of prose") {
    schemac::Diagnostics d;
    const schemac::SourcePos at{std::make_shared<const std::string>("f.yaml"), 1, 1};
    // A server's error with schemac's advice: long, full of apostrophes, no value to cut.
    const std::string prose = "putting both sides into PostgreSQL's normal form failed: out of shared memory (HINT: " +
                              std::string(400, 'h') + "); the server's lock table is full: raise max_locks_per_transaction";
    REQUIRE(prose.size() > 512);
    d.error(at, "x", prose);
    CHECK(d.all().back().message == prose);
    // An echoed value in a long message is cut; the prose around it stays.
    const std::string value(5000, 'v');
    d.error(at, "x", "PostgreSQL's rule: default '" + value + "' of column 'c' is the server's problem");
    CHECK(d.all().back().message ==
          "PostgreSQL's rule: default '" + std::string(120, 'v') + "\xe2\x80\xa6 (5000 bytes)' of column 'c' is the server's problem");
    // Nothing makes a line without bound.
    d.error(at, "x", std::string(1'000'000, 'z'));
    CHECK(d.all().back().message.size() < 4200);
}
