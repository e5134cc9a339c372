#include "dialler/platform/logging.hpp"

#include <chrono>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace dialler::platform {

namespace {

std::shared_ptr<spdlog::logger>& Logger() {
    static std::shared_ptr<spdlog::logger> logger = [] {
        auto l = std::make_shared<spdlog::logger>(
            "dialler", std::make_shared<spdlog::sinks::stderr_sink_mt>()
        );
        l->set_pattern("%v");  // we build the whole JSON line ourselves
        l->flush_on(spdlog::level::info);
        return l;
    }();
    return logger;
}

spdlog::level::level_enum ToSpd(LogLevel level) {
    switch (level) {
        case LogLevel::kDebug:
            return spdlog::level::debug;
        case LogLevel::kInfo:
            return spdlog::level::info;
        case LogLevel::kWarn:
            return spdlog::level::warn;
        case LogLevel::kError:
            return spdlog::level::err;
    }
    return spdlog::level::info;
}

std::string_view Name(LogLevel level) {
    switch (level) {
        case LogLevel::kDebug:
            return "debug";
        case LogLevel::kInfo:
            return "info";
        case LogLevel::kWarn:
            return "warn";
        case LogLevel::kError:
            return "error";
    }
    return "info";
}

}  // namespace

void InitLogging(std::string_view level) {
    LogLevel l = LogLevel::kInfo;
    if (level == "debug") {
        l = LogLevel::kDebug;
    } else if (level == "warn") {
        l = LogLevel::kWarn;
    } else if (level == "error") {
        l = LogLevel::kError;
    }
    Logger()->set_level(ToSpd(l));
}

void Log(LogLevel level, std::string_view event, const nlohmann::json& fields) {
    auto& logger = Logger();
    if (!logger->should_log(ToSpd(level))) {
        return;
    }
    nlohmann::json line = nlohmann::json::object();
    const auto now =
        std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    line["ts"] =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    line["level"] = Name(level);
    line["event"] = event;
    if (fields.is_object()) {
        line.update(fields);
    }
    // replace: a stray invalid UTF-8 byte must not turn a log line into an exception.
    // The text is an argument, never the format string: the JSON's braces are not placeholders.
    logger->log(
        ToSpd(level), "{}", line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
    );
}

}  // namespace dialler::platform
