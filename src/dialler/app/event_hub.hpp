#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

#include "dialler/app/event_sink.hpp"

namespace dialler::app {

// Live events within one instance: every subscriber (a connected screen, the relay to other
// instances) gets every event published here. Subscribers must return at once (queue the event,
// never block on a browser). Thread-safe.
class LocalEventHub final : public EventSink {
public:
    using Subscriber = std::function<void(const LiveEvent&)>;

    void Publish(const LiveEvent& event) override {
        std::map<std::int64_t, Subscriber> targets;
        {
            const std::lock_guard lock(mutex_);
            targets = subscribers_;
        }
        for (const auto& [id, deliver] : targets) {
            deliver(event);
        }
    }

    std::int64_t Subscribe(Subscriber subscriber) {
        const std::lock_guard lock(mutex_);
        subscribers_.emplace(++last_id_, std::move(subscriber));
        return last_id_;
    }

    void Unsubscribe(std::int64_t id) {
        const std::lock_guard lock(mutex_);
        subscribers_.erase(id);
    }

private:
    std::mutex mutex_;
    std::int64_t last_id_ = 0;
    std::map<std::int64_t, Subscriber> subscribers_;
};

}  // namespace dialler::app
