// `dialler twilio-sim`: the Twilio stand-in as a process of its own (for tests and load runs that
// point a dialler at it with TWILIO_API_BASE_URL), on the same code `serve` mounts in sim mode.
#include <iostream>

#include "dialler/adapters/http/dispatcher.hpp"
#include "dialler/adapters/http/server.hpp"
#include "dialler/adapters/twilio/stand_in.hpp"
#include "dialler/base/text.hpp"
#include "dialler/main/commands.hpp"
#include "dialler/main/stand_in_routes.hpp"
#include "dialler/main/wiring.hpp"
#include "dialler/platform/logging.hpp"
#include "dialler/platform/metrics.hpp"
#include "dialler/platform/signals.hpp"
#include "dialler/platform/system_clock.hpp"
#include "dialler/platform/thread_pool.hpp"

namespace dialler::main {

int RunTwilioSim(const platform::Config& config, const TwilioSimArgs& args) {
    platform::InitLogging(config.log_level);
    if (config.IsProduction()) {
        std::cerr << "error: the Twilio stand-in is for development and tests, not production\n";
        return 2;
    }
    adapters::twilio::StandInSettings settings = StandInSettingsFrom(config);
    if (!args.webhook_url.empty()) {
        settings.webhook_base_url = args.webhook_url;
    }
    settings.seed = args.seed;
    platform::ControllableClock clock;
    if (!args.clock_start.empty()) {
        const auto start = ParseRfc3339(args.clock_start);
        if (!start) {
            std::cerr << "error: --clock-start must be an RFC 3339 date-time\n";
            return 2;
        }
        clock.Pin(Timestamp{*start}, /*running=*/true);
    }
    adapters::twilio::TwilioStandIn stand_in(settings, clock);

    adapters::http::Router router;
    router.Add(
        {"GET",
         "/health",
         adapters::http::Access::Public(),
         [](adapters::http::Request&) -> Result<adapters::http::Response> {
             adapters::http::Response r;
             r.body = R"({"status":"ok","service":"twilio-stand-in"})";
             return r;
         }}
    );
    AddStandInRoutes(router, stand_in);
    const adapters::http::Dispatcher dispatcher(router, adapters::http::DispatcherSettings{});
    platform::ThreadPool workers(2);
    platform::Metrics metrics;
    adapters::http::HttpServer server(
        adapters::http::ServerSettings{args.bind_address, args.port, 1},
        dispatcher,
        workers,
        metrics
    );
    server.Start();
    std::cout << "Twilio stand-in serving on http://" << args.bind_address << ":" << args.port
              << ", webhooks to " << settings.webhook_base_url << "\n";
    std::cout.flush();
    const int sig = platform::WaitForStopSignal();
    platform::LogInfo("standin.stopping", {{"signal", sig}});
    stand_in.Stop();
    server.Stop(std::chrono::milliseconds{500});
    workers.Shutdown();
    return 0;
}

}  // namespace dialler::main
