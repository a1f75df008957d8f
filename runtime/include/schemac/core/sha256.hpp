// SHA-256 (FIPS 180-4) and the line-ending normalization applied before a migration is hashed.
//
// Why not OpenSSL: this is a hundred lines of well-specified arithmetic, checked against the NIST
// vectors in tests/unit/sha256_test.cpp; linking libcrypto for it would add a dependency to every
// application that embeds the runner, for no gain. Nothing here needs to be fast or secret.
//
// Part of the runtime library: standard library only, never a compiler header.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace schemac {

// Incremental SHA-256: update() any number of times, then finish() or finish_hex() once.
// finish() resets the object, so it can hash another message afterwards.
class Sha256 {
public:
    Sha256() { reset(); }
    void update(std::string_view data);
    std::array<std::uint8_t, 32> finish();
    std::string finish_hex();  // 64 lowercase hex digits

private:
    void reset();
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_{};
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;     // bytes waiting in buffer_
    std::uint64_t length_ = 0;     // message length so far, in bytes
};

// SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

// CRLF and lone CR become LF, so a file checked out on Windows (git autocrlf) hashes the same as on
// Linux (the false "checksum changed" of sqlx #2659). Everything else is kept byte for byte.
std::string normalize_line_endings(std::string_view text);

}  // namespace schemac
