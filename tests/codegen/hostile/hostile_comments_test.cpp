// The C++ generated for hostile comments and labels (write_hostile_schema.cpp)
// compiles with -Wall -Wextra -Werror, trigraphs on, and has every member: a
// comment that swallowed the next line (a trailing backslash, "??/", a line
// break) would make a member disappear, and the designated initializer below
// would not compile.
#include <doctest/doctest.h>

#include "hostile_texts.hpp"
#include "public_/notes.hpp"

namespace {

using hostile::public_::Mood;
using hostile::public_::NotesRow;

// Every member, in order: a missing one is a compile error here.
const NotesRow kRow{.id = 1, .c0 = "0", .c1 = "1", .c2 = "2", .c3 = "3", .c4 = "4", .c5 = "5", .c6 = "6",
                    .c7 = "7", .c8 = "8", .c9 = "9", .c10 = "10", .c11 = "11", .c12 = "12", .mood = Mood::end_};

}  // namespace

TEST_CASE("codegen: hostile comments leave every member of the row struct in place") {
    CHECK(schemac::test::hostile_comment_texts().size() == 13);   // one member per text above
    CHECK(*kRow.c12 == "12");
    CHECK(kRow.mood == Mood::end_);
}

TEST_CASE("codegen: hostile enum labels survive the string literals byte for byte") {
    const auto labels = schemac::test::hostile_labels();
    const Mood values[] = {Mood::C_, Mood::q_, Mood::two_lines, Mood::_rtl, Mood::end_};
    REQUIRE(labels.size() == std::size(values));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        CHECK(hostile::public_::to_string(values[i]) == labels[i]);
        CHECK(hostile::public_::mood_from_string(labels[i]) == values[i]);
    }
}
