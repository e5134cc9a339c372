#include "dialler/app/replica.hpp"

#include <exception>

namespace dialler::app {

std::string FullName(
    const std::optional<std::string>& first_name, const std::optional<std::string>& last_name
) {
    std::string name = first_name.value_or("");
    if (last_name && !last_name->empty()) {
        name += (name.empty() ? "" : " ") + *last_name;
    }
    return name;
}

std::map<std::int64_t, std::string> CustomerNames(
    Replica& replica, std::span<const domain::UserId> ids
) {
    std::map<std::int64_t, std::string> names;
    if (ids.empty()) {
        return names;
    }
    try {
        for (const auto& user : replica.ReadUsersOnly(ids)) {
            if (auto name = FullName(user.first_name, user.last_name); !name.empty()) {
                names.emplace(user.id.Value(), std::move(name));
            }
        }
    } catch (const std::exception&) {
        names.clear();
    }
    return names;
}

}  // namespace dialler::app
