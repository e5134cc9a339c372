#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace dialler {

// An integer id that cannot be mixed up with another kind of id or with a count.
// Example: using AgentId = StrongId<struct AgentIdTag>;
template <typename Tag, typename Rep = std::int64_t>
class StrongId {
public:
    constexpr StrongId() = default;
    constexpr explicit StrongId(Rep value) : value_(value) {}

    constexpr Rep Value() const { return value_; }
    // 64-bit ids travel as strings on the wire (JavaScript numbers lose precision above 2^53).
    std::string ToString() const { return std::to_string(value_); }

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=> (llvm #46235)
    friend constexpr auto operator<=>(StrongId, StrongId) = default;

private:
    Rep value_{};
};

}  // namespace dialler

template <typename Tag, typename Rep>
struct std::hash<dialler::StrongId<Tag, Rep>> {
    std::size_t operator()(dialler::StrongId<Tag, Rep> id) const noexcept {
        return std::hash<Rep>{}(id.Value());
    }
};
