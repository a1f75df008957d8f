// schemac::OrDefault<T>: a value for an insert, or "let the server fill it in"
// (serial and identity columns, columns with a DEFAULT). Generated insert
// structs use it for exactly those columns, so a row can leave them out
// without a magic value:
//
//     db::modelstore::ModelsNew m;          // m.id and m.is_active: server default
//     m.is_active = false;                  // given
//     m.is_active = schemac::use_default;   // back to the server default
//
// For a nullable column T is std::optional<U>: `= std::nullopt` inserts NULL,
// which is not the same as the default. Standard library only.
#pragma once
#include <concepts>
#include <optional>
#include <type_traits>
#include <utility>

namespace schemac {

struct UseDefault {
    explicit constexpr UseDefault(int) {}
};
inline constexpr UseDefault use_default{0};

template <class T>
class OrDefault {
public:
    OrDefault() = default;                 // the server default
    OrDefault(UseDefault) {}
    OrDefault(T v) : value_(std::move(v)) {}
    template <class U>
        requires(std::constructible_from<T, U &&> && !std::same_as<std::remove_cvref_t<U>, OrDefault> &&
                 !std::same_as<std::remove_cvref_t<U>, UseDefault> && !std::same_as<std::remove_cvref_t<U>, T>)
    OrDefault(U&& v) : value_(T(std::forward<U>(v))) {}

    bool is_default() const { return !value_.has_value(); }
    // Precondition: !is_default().
    const T& value() const { return *value_; }

    friend bool operator==(const OrDefault&, const OrDefault&) = default;

private:
    std::optional<T> value_;
};

}  // namespace schemac
