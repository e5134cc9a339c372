#include "dialler/app/retention.hpp"

#include "dialler/base/text.hpp"
#include "dialler/domain/calling_window.hpp"

namespace dialler::app {

namespace {

constexpr std::size_t kMaxReason = 2000;

Status CheckReason(const std::string& reason) {
    if (Trim(reason).empty()) {
        return InvalidField("reason", "reason is required");
    }
    return CheckText(reason, "reason", kMaxReason, ControlChars::kNewlineAndTab);
}

// The UK calendar day of `now`, as the job's marker: the job runs once per day the floor sees.
std::string UkDayOf(Timestamp now) {
    const auto local = domain::ToUkLocal(std::chrono::floor<std::chrono::seconds>(now));
    return FormatDate(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(local)});
}

}  // namespace

RetentionCutoffs CutoffsAt(const RetentionSettings& periods, Timestamp now) {
    return RetentionCutoffs{
        now - periods.calls, now - periods.texts, now - periods.notes, now - periods.link_clicks};
}

std::vector<std::pair<std::string, long long>> RetentionCounts::Named() const {
    return {
        {"calls", calls},
        {"voicemails", voicemails},
        {"contactAttempts", contact_attempts},
        {"textsSent", texts_sent},
        {"textsReceived", texts_received},
        {"conversations", conversations},
        {"outcomeNotes", outcome_notes},
        {"callbackNotes", callback_notes},
        {"linkClicks", link_clicks},
    };
}

long long RetentionCounts::Total() const {
    long long total = 0;
    for (const auto& [name, count] : Named()) {
        total += count;
    }
    return total;
}

std::optional<RetentionCounts> RetentionService::ApplyDue() {
    const Timestamp now = ports_.clock.Now();
    const std::string today = UkDayOf(now);
    if (ports_.jobs.Marker(kJob) == today) {
        return std::nullopt;
    }
    if (!ports_.jobs.TryAcquire(kJob, instance_, now, now + std::chrono::hours{1})) {
        return std::nullopt;
    }
    std::optional<RetentionCounts> counts;
    try {
        // Another instance may have finished today's run between the marker read and the lease.
        if (ports_.jobs.Marker(kJob) != today) {
            counts = Apply();
            ports_.jobs.SetMarker(kJob, today);
        }
    } catch (...) {
        ports_.jobs.Release(kJob, instance_);
        throw;
    }
    ports_.jobs.Release(kJob, instance_);
    return counts;
}

RetentionCounts RetentionService::Apply() {
    const Timestamp now = ports_.clock.Now();
    const RetentionSettings periods = ports_.settings.Current().retention;
    const RetentionCounts c = ports_.store.Apply(CutoffsAt(periods, now));
    const auto n = [](long long v) { return std::to_string(v); };
    // Counts and periods only: what was cleared is gone, and the log must not hold it either.
    AuditAction(
        ports_.audit,
        ports_.clock,
        Actor::System(),
        "retention.applied",
        "retention",
        UkDayOf(now),
        RequestContext{},
        [&] {
            std::vector<std::pair<std::string, std::string>> details;
            for (const auto& [name, count] : c.Named()) {
                details.emplace_back(name, n(count));
            }
            details.emplace_back("callDays", n(periods.calls.count()));
            details.emplace_back("textDays", n(periods.texts.count()));
            details.emplace_back("noteDays", n(periods.notes.count()));
            details.emplace_back("linkClickDays", n(periods.link_clicks.count()));
            return details;
        }()
    );
    return c;
}

Result<LegalHold> RetentionService::PlaceHold(
    const domain::Agent& by,
    domain::UserId user,
    const std::string& reason,
    const RequestContext& ctx
) {
    if (user.Value() <= 0) {
        return InvalidField("userId", "userId must be a customer id");
    }
    // A typo must not hold nobody while the admin believes the customer is protected.
    if (!ports_.leads.FindLead(user)) {
        return Fail(
            ErrorCode::kNotFound,
            "no customer " + user.ToString() + " is known to the dialler",
            "userId"
        );
    }
    DIALLER_RETURN_IF_ERROR(CheckReason(reason));
    LegalHold hold;
    hold.user_id = user;
    hold.reason = reason;
    hold.placed_by = by.id;
    hold.placed_at = ports_.clock.Now();
    const std::optional<LegalHold> placed = ports_.store.PlaceHold(hold);
    if (!placed) {
        return Fail(
            ErrorCode::kAlreadyExists,
            "customer " + user.ToString() + " is already under a legal hold",
            "userId"
        );
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        by,
        "legal_hold.placed",
        "customer",
        user.ToString(),
        ctx,
        {{"holdId", std::to_string(placed->id)}}
    );
    return *placed;
}

Result<LegalHold> RetentionService::ReleaseHold(
    const domain::Agent& by, std::int64_t id, const std::string& reason, const RequestContext& ctx
) {
    DIALLER_RETURN_IF_ERROR(CheckReason(reason));
    const std::optional<LegalHold> released =
        ports_.store.ReleaseHold(id, by.id, reason, ports_.clock.Now());
    if (!released) {
        return Fail(ErrorCode::kNotFound, "no active legal hold " + std::to_string(id));
    }
    AuditAgentAction(
        ports_.audit,
        ports_.clock,
        by,
        "legal_hold.released",
        "customer",
        released->user_id.ToString(),
        ctx,
        {{"holdId", std::to_string(id)}}
    );
    return *released;
}

std::vector<LegalHold> RetentionService::Holds(bool include_released) {
    return ports_.store.Holds(include_released, kMaxHolds);
}

std::optional<LegalHold> RetentionService::ActiveHold(domain::UserId user) {
    return ports_.store.ActiveHold(user);
}

}  // namespace dialler::app
