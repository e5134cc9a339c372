#include "dialler/app/suppression_store.hpp"

namespace dialler::app {

std::string_view SuppressionChannelName(SuppressionChannel channel) {
    switch (channel) {
        case SuppressionChannel::kCall:
            return "call";
        case SuppressionChannel::kSms:
            return "sms";
        case SuppressionChannel::kAll:
            return "all";
    }
    return "all";
}

std::optional<SuppressionChannel> ParseSuppressionChannel(std::string_view name) {
    for (auto c : {SuppressionChannel::kCall, SuppressionChannel::kSms, SuppressionChannel::kAll}) {
        if (SuppressionChannelName(c) == name) {
            return c;
        }
    }
    return std::nullopt;
}

}  // namespace dialler::app
