#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace dialler::platform {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// Sets up JSON-lines logging to stderr at `level` ("debug", "info", "warn", "error").
// Call once at start-up, before threads start.
void InitLogging(std::string_view level);

// Writes one JSON line: {"ts":"...","level":"info","event":"http.request", ...fields}.
// Fields must not hold personal data (names, phone numbers, emails, addresses) or secrets:
// log ids instead. Thread-safe.
void Log(
    LogLevel level, std::string_view event, const nlohmann::json& fields = nlohmann::json::object()
);

inline void LogInfo(
    std::string_view event, const nlohmann::json& fields = nlohmann::json::object()
) {
    Log(LogLevel::kInfo, event, fields);
}
inline void LogWarn(
    std::string_view event, const nlohmann::json& fields = nlohmann::json::object()
) {
    Log(LogLevel::kWarn, event, fields);
}
inline void LogError(
    std::string_view event, const nlohmann::json& fields = nlohmann::json::object()
) {
    Log(LogLevel::kError, event, fields);
}

}  // namespace dialler::platform
