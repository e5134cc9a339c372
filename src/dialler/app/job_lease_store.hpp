#pragma once

#include <optional>
#include <string>

#include "dialler/base/clock.hpp"

namespace dialler::app {

// Leases that make a scheduled job run on one instance at a time (discovery, reconciliation).
// Thread-safe; shared by every instance through the own database.
class JobLeaseStore {
public:
    virtual ~JobLeaseStore() = default;
    // Takes the lease `name` for `holder` until `until` if it is free or expired (or already
    // held by `holder`); returns whether it is now held by `holder`.
    virtual bool TryAcquire(
        const std::string& name, const std::string& holder, Timestamp now, Timestamp until
    ) = 0;
    virtual void Release(const std::string& name, const std::string& holder) = 0;
    // A note the job `name` keeps between runs (what it last applied); nullopt before the first.
    virtual std::optional<std::string> Marker(const std::string& name) = 0;
    virtual void SetMarker(const std::string& name, const std::string& value) = 0;
};

}  // namespace dialler::app
