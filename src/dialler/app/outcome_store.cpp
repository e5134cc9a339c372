#include "dialler/app/outcome_store.hpp"

namespace dialler::app {

std::string_view CallbackStatusName(CallbackStatus status) {
    switch (status) {
        case CallbackStatus::kPending:
            return "pending";
        case CallbackStatus::kCompleted:
            return "completed";
        case CallbackStatus::kCancelled:
            return "cancelled";
    }
    return "pending";
}

}  // namespace dialler::app
