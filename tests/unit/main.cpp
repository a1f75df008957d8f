// The one translation unit with doctest's main (it costs ~4 s to compile).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
