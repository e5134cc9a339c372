#include "dialler/app/funnel.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>
#include <unordered_map>

#include "dialler/app/agent_day.hpp"

namespace dialler::app {

namespace {

constexpr std::chrono::hours kWithinDay{24};

bool InWindow(Timestamp at, const QueueEntry& e) {
    return at >= e.entered_at && (!e.next_entry_at || at < *e.next_entry_at);
}

// A customer's calls or links, by customer id.
template <typename Touch>
using ByCustomerMap = std::unordered_map<std::int64_t, std::vector<const Touch*>>;

template <typename Touch>
ByCustomerMap<Touch> ByCustomer(const std::vector<Touch>& touches) {
    ByCustomerMap<Touch> out;
    for (const Touch& t : touches) {
        out[t.user_id.Value()].push_back(&t);
    }
    return out;
}

std::optional<double> Median(std::vector<double> values) {
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// What happened to a customer within one entry's window.
struct Journey {
    std::optional<Timestamp> first_call;
    bool contacted = false;
    bool link_sent = false;
    bool link_opened = false;
};

Journey Follow(
    const QueueEntry& e,
    const ByCustomerMap<FunnelCall>& calls,
    const ByCustomerMap<FunnelLink>& links
) {
    Journey j;
    if (const auto found = calls.find(e.user_id.Value()); found != calls.end()) {
        for (const FunnelCall* c : found->second) {
            if (InWindow(c->at, e) && CountsAsCall(c->direction, c->answered)) {
                j.first_call = j.first_call ? std::min(*j.first_call, c->at) : c->at;
                j.contacted = j.contacted || c->answered;
            }
        }
    }
    if (const auto found = links.find(e.user_id.Value()); found != links.end()) {
        for (const FunnelLink* l : found->second) {
            if (InWindow(l->at, e)) {
                j.link_sent = true;
                j.link_opened = j.link_opened || l->opened;
            }
        }
    }
    return j;
}

}  // namespace

std::optional<double> FunnelFigures::CalledWithinDayShare() const {
    if (entered == 0) {
        return std::nullopt;
    }
    return static_cast<double>(called_within_day) / entered;
}

std::vector<FunnelFigures> BuildFunnel(const FunnelFacts& facts) {
    const auto calls = ByCustomer(facts.calls);
    const auto links = ByCustomer(facts.links);
    std::set<std::tuple<std::int64_t, domain::Queue, Timestamp>> conversions;
    for (const Conversion& c : facts.conversions) {
        conversions.emplace(c.user_id.Value(), c.from_queue, c.episode);
    }
    std::array<FunnelFigures, 2> out{};
    out[0].queue = domain::Queue::kUnsigned;
    out[1].queue = domain::Queue::kOutstanding;
    std::array<std::vector<double>, 2> waits;
    for (const QueueEntry& e : facts.entries) {
        auto* const slot = std::find_if(out.begin(), out.end(), [&e](const FunnelFigures& f) {
            return f.queue == e.queue;
        });
        if (slot == out.end()) {
            continue;  // leads are only ever in these two queues
        }
        const Journey j = Follow(e, calls, links);
        FunnelFigures& f = *slot;
        ++f.entered;
        if (j.first_call) {
            ++f.called;
            const auto wait = *j.first_call - e.entered_at;
            waits.at(static_cast<std::size_t>(slot - out.begin()))
                .push_back(std::chrono::duration<double>(wait).count());
            f.called_within_day += wait < kWithinDay ? 1 : 0;
        }
        f.contacted += j.contacted ? 1 : 0;
        f.link_sent += j.link_sent ? 1 : 0;
        f.link_opened += j.link_opened ? 1 : 0;
        f.converted += conversions.contains({e.user_id.Value(), e.queue, e.episode}) ? 1 : 0;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        out.at(i).median_seconds_to_first_call = Median(std::move(waits.at(i)));
    }
    return {out.begin(), out.end()};
}

}  // namespace dialler::app
