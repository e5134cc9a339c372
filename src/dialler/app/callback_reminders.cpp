#include "dialler/app/callback_reminders.hpp"

#include <charconv>

namespace dialler::app {

namespace {
constexpr int kBatch = 500;

std::optional<Timestamp> ParseMarker(const std::optional<std::string>& marker) {
    if (!marker) {
        return std::nullopt;
    }
    long long ms = 0;
    const auto [end, ec] = std::from_chars(marker->data(), marker->data() + marker->size(), ms);
    if (ec != std::errc{} || end != marker->data() + marker->size()) {
        return std::nullopt;
    }
    return Timestamp{std::chrono::milliseconds{ms}};
}
}  // namespace

int CallbackReminders::AnnounceDue() {
    const Timestamp now = ports_.clock.Now();
    if (!ports_.jobs.TryAcquire(kJob, instance_, now, now + std::chrono::minutes{2})) {
        return 0;
    }
    // From where the last run stopped (never earlier than now: a callback already due was
    // announced by then, or is in the overdue list); the first run starts now.
    Timestamp from = ParseMarker(ports_.jobs.Marker(kJob)).value_or(now);
    from = std::max(from, now);
    const Timestamp to = now + kAhead;
    int announced = 0;
    if (from < to) {
        const auto due = ports_.outcomes.PendingCallbacksDue(from, to, kBatch);
        for (const Callback& cb : due) {
            ports_.events.Publish(LiveEvent{
                "callback.due", cb.id, "due_soon", cb.agent, now, /*everyone=*/!cb.agent});
            ++announced;
        }
        // A full batch: carry on from the last one announced next time, not past the rest.
        const Timestamp reached =
            static_cast<int>(due.size()) == kBatch ? due.back().scheduled_for : to;
        ports_.jobs.SetMarker(
            kJob,
            std::to_string(
                std::chrono::duration_cast<std::chrono::milliseconds>(reached.time_since_epoch())
                    .count()
            )
        );
    }
    ports_.jobs.Release(kJob, instance_);
    return announced;
}

}  // namespace dialler::app
