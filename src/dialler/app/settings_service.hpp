#pragma once

#include <chrono>
#include <mutex>
#include <optional>

#include "dialler/app/audit_log.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/queue_settings.hpp"
#include "dialler/app/settings_codec.hpp"
#include "dialler/base/error.hpp"

namespace dialler::app {

// Where the settings rows live (own database). Thread-safe; faults are exceptions.
class SettingsStore {
public:
    virtual ~SettingsStore() = default;
    virtual SettingsMap Load() = 0;
    // Writes these keys (insert or update) in one transaction.
    virtual void Save(const SettingsMap& values, const Actor& by, Timestamp at) = 0;
};

// The queue engine's settings as admins change them (product.md §5, §6, §8): stored in the own
// database, seeded with the defaults, validated as a whole, every change audited. Serves the
// current settings to the services (SettingsProvider), re-reading the store at most every
// `refresh` so that a change made on another instance arrives too. Keeps references to the
// ports. Thread-safe.
class SettingsService final : public SettingsProvider {
public:
    // `window_limits`: the outer bounds of calling hours from configuration; window settings
    // outside them are refused, and what is served is clamped to them whatever is stored.
    SettingsService(
        SettingsStore& store,
        AuditLog& audit,
        const Clock& clock,
        std::chrono::seconds refresh = std::chrono::seconds{30},
        domain::DayWindow window_limits = domain::kWidestCallingHours
    );

    // Writes the defaults for every key the store does not have yet (first start, or a new
    // setting after an upgrade). Returns how many keys it added.
    int SeedDefaults();

    QueueSettings Current() const override;
    SettingsMap CurrentMap() const;

    // Changes some keys. The result of applying them must decode as a whole, or nothing changes.
    // Errors: kInvalidArgument with field = the offending key. Each changed key is audited with
    // its old and new value.
    Result<SettingsMap> Update(
        const SettingsMap& changes, const domain::Agent& by, const RequestContext& ctx
    );

private:
    struct Cached {
        SettingsMap map;
        QueueSettings settings;
        Timestamp loaded_at;
    };
    Cached Load() const;

    QueueSettings base_;  // the defaults, with the configured window limits
    SettingsStore& store_;
    AuditLog& audit_;
    const Clock& clock_;
    std::chrono::seconds refresh_;
    mutable std::mutex mutex_;
    mutable std::optional<Cached> cache_;
};

}  // namespace dialler::app
