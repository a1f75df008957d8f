#include <doctest/doctest.h>

#include <string>

#include "schemac/core/sha256.hpp"

using schemac::normalize_line_endings;
using schemac::Sha256;
using schemac::sha256_hex;

TEST_CASE("SHA-256: NIST FIPS 180-4 example vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // 448 bits: the padding needs a second block.
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // 896 bits.
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                     "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
          "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

TEST_CASE("SHA-256: one million 'a' fed in uneven chunks") {
    const std::string chunk(997, 'a');  // prime, so chunks straddle the 64-byte blocks
    Sha256 h;
    std::size_t left = 1'000'000;
    while (left > 0) {
        const std::size_t n = left < chunk.size() ? left : chunk.size();
        h.update(std::string_view(chunk).substr(0, n));
        left -= n;
    }
    CHECK(h.finish_hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256: lengths around the padding boundary (values from coreutils sha256sum)") {
    struct Case {
        std::size_t length;
        const char* hex;
    };
    const Case cases[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.length);
        const std::string msg(c.length, 'a');
        CHECK(sha256_hex(msg) == c.hex);
        Sha256 bytewise;  // one byte at a time gives the same digest
        for (char ch : msg) bytewise.update(std::string_view(&ch, 1));
        CHECK(bytewise.finish_hex() == c.hex);
    }
}

TEST_CASE("SHA-256: finish() returns raw bytes and resets the hasher") {
    Sha256 h;
    h.update("ab");
    h.update("c");
    const auto digest = h.finish();
    CHECK(digest[0] == 0xba);
    CHECK(digest[31] == 0xad);
    h.update("abc");  // reusable after finish
    CHECK(h.finish_hex() == sha256_hex("abc"));
    CHECK(h.finish_hex() == sha256_hex(""));
}

TEST_CASE("line endings: CRLF and lone CR become LF, nothing else changes") {
    CHECK(normalize_line_endings("") == "");
    CHECK(normalize_line_endings("a\nb\n") == "a\nb\n");
    CHECK(normalize_line_endings("a\r\nb\r\n") == "a\nb\n");
    CHECK(normalize_line_endings("a\rb\r") == "a\nb\n");
    CHECK(normalize_line_endings("a\r\r\nb") == "a\n\nb");   // CR, then CRLF
    CHECK(normalize_line_endings("a\n\rb") == "a\n\nb");     // LF, then lone CR
    CHECK(normalize_line_endings("\r") == "\n");
    CHECK(normalize_line_endings("tab\there 'é'") == "tab\there 'é'");
    CHECK(sha256_hex(normalize_line_endings("CREATE TABLE t ();\r\n")) ==
          sha256_hex(normalize_line_endings("CREATE TABLE t ();\n")));
}
