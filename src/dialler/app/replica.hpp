#pragma once

#include "dialler/app/probe.hpp"

namespace dialler::app {

// The main platform's claims database (docs/replica-schema.md), read-only by construction: this
// port has no write methods, and the adapters open read-only connections. Implementations:
// SociReplica (MySQL/MariaDB, SQLite demo). Thread-safe; faults are exceptions.
class Replica : public Probe {
public:
    // Returns whether this is a generated demo replica (it carries a `demo_marker` table). Real
    // telephony is refused against one: its phone numbers may belong to real people.
    virtual bool IsDemo() = 0;
};

}  // namespace dialler::app
