#include "dialler/domain/login_throttle.hpp"

#include <algorithm>
#include <vector>

namespace dialler::domain {

ThrottleDecision DecideThrottle(
    std::span<const Timestamp> failures, const ThrottleRule& rule, Timestamp now
) {
    std::vector<Timestamp> recent;
    for (Timestamp t : failures) {
        if (t > now - rule.window && t <= now) {
            recent.push_back(t);
        }
    }
    const auto count = static_cast<std::ptrdiff_t>(recent.size());
    if (rule.max_failures <= 0 || count < rule.max_failures) {
        return {};
    }
    std::sort(recent.begin(), recent.end());
    // The attempt is allowed once only max_failures - 1 failures remain inside the window, i.e.
    // when the (count - max_failures + 1)-th oldest failure has aged out.
    const Timestamp frees_at =
        recent[static_cast<std::size_t>(count - rule.max_failures)] + rule.window;
    const auto wait = std::chrono::ceil<std::chrono::seconds>(frees_at - now);
    return ThrottleDecision{false, std::max(wait, std::chrono::seconds{1})};
}

}  // namespace dialler::domain
