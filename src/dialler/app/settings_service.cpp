#include "dialler/app/settings_service.hpp"

namespace dialler::app {

SettingsService::SettingsService(
    SettingsStore& store,
    AuditLog& audit,
    const Clock& clock,
    std::chrono::seconds refresh,
    domain::DayWindow window_limits
)
    : base_(QueueSettings::Defaults()),
      store_(store),
      audit_(audit),
      clock_(clock),
      refresh_(refresh) {
    base_.window_limits = window_limits;
    domain::ClampToLimits(base_.gate.windows, window_limits);
}

int SettingsService::SeedDefaults() {
    const SettingsMap stored = store_.Load();
    SettingsMap missing;
    for (const auto& [key, value] : EncodeSettings(QueueSettings::Defaults())) {
        if (!stored.contains(key)) {
            missing.emplace(key, value);
        }
    }
    if (!missing.empty()) {
        store_.Save(missing, Actor::System(), clock_.Now());
    }
    const std::lock_guard lock(mutex_);
    cache_.reset();
    return static_cast<int>(missing.size());
}

SettingsService::Cached SettingsService::Load() const {
    const std::lock_guard lock(mutex_);
    const Timestamp now = clock_.Now();
    if (!cache_ || now - cache_->loaded_at >= refresh_ || now < cache_->loaded_at) {
        SettingsMap map = store_.Load();
        // Stored rows were validated when written; a row an old version wrote that no longer
        // decodes falls back to the defaults rather than stopping the floor.
        auto decoded = DecodeSettings(map, base_);
        QueueSettings settings = decoded ? *decoded : base_;
        // Rows stored before the limits were narrowed decode no longer, or decode wider than
        // allowed: either way the floor opens only inside the limits.
        domain::ClampToLimits(settings.gate.windows, base_.window_limits);
        cache_ = Cached{std::move(map), std::move(settings), now};
    }
    return *cache_;
}

QueueSettings SettingsService::Current() const {
    return Load().settings;
}

SettingsMap SettingsService::CurrentMap() const {
    SettingsMap full = EncodeSettings(QueueSettings::Defaults());
    for (const auto& [key, value] : Load().map) {
        full.insert_or_assign(key, value);
    }
    return full;
}

Result<SettingsMap> SettingsService::Update(
    const SettingsMap& changes, const domain::Agent& by, const RequestContext& ctx
) {
    SettingsMap merged = CurrentMap();
    SettingsMap changed;
    std::vector<std::pair<std::string, std::string>> olds;
    for (const auto& [key, value] : changes) {
        const auto it = merged.find(key);
        if (it == merged.end() || it->second != value) {
            olds.emplace_back(key, it == merged.end() ? std::string() : it->second);
            changed.insert_or_assign(key, value);
        }
        merged.insert_or_assign(key, value);
    }
    DIALLER_RETURN_IF_ERROR(DecodeSettings(merged, base_));
    if (changed.empty()) {
        return merged;
    }
    const Timestamp now = clock_.Now();
    store_.Save(changed, Actor::OfAgent(by.id), now);
    for (const auto& [key, old] : olds) {
        AuditAgentAction(
            audit_,
            clock_,
            by,
            "settings.changed",
            "setting",
            key,
            ctx,
            {{"from", old}, {"to", changed.at(key)}}
        );
    }
    {
        const std::lock_guard lock(mutex_);
        cache_.reset();
    }
    return merged;
}

}  // namespace dialler::app
