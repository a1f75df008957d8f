// Texts that break generated C++ if printed into a comment as they are: the
// comments of the schema written by write_hostile_schema.cpp, one per column
// of table `notes` (column c0 has text 0, ...). Shared with the test that
// compiles the generated code (hostile_comments_test.cpp).
#pragma once
#include <string>
#include <vector>

namespace schemac::test {

inline std::vector<std::string> hostile_comment_texts() {
    using namespace std::string_literals;
    return {
        "a Windows path C:\\",                       // a trailing backslash joins the next line to a // comment
        "a backslash and spaces \\   ",                // so does one before trailing spaces (GCC)
        "a trigraph ?\?/",                             // "??/" is a backslash before C++17 (-trigraphs)
        "two lines\n}; struct Broken {",               // a new line ends the comment: code
        "carriage\rreturn }; int broken;",
        "vertical\vtab\fform feed\tand tab",
        "ends a block */ int broken; /* opens one",
        "NUL \0 inside"s,                              // a NUL in source
        "not UTF-8: \xff\xfe \xc3 and \xe2\x82",
        "bidi \xe2\x80\xae reversed \xe2\x81\xa6 isolate",   // -Wbidi-chars (on by default)
        "line separator \xe2\x80\xa8 and paragraph \xe2\x80\xa9 and NEL \xc2\x85",
        "C1 control \xc2\x9b[31m and DEL \x7f and ESC \x1b[0m",
        "// a comment inside a comment \\",
    };
}

// Enum labels: printed in comments ('label') and in string literals.
inline std::vector<std::string> hostile_labels() {
    return {"C:\\", "q?\?/", "two\nlines", "\xe2\x80\xae" "rtl", "end*/"};
}

}  // namespace schemac::test
