#include "dialler/main/stand_in_routes.hpp"

namespace dialler::main {

void AddStandInRoutes(adapters::http::Router& router, adapters::twilio::TwilioStandIn& stand_in) {
    using adapters::http::Access;
    using adapters::http::BodyKind;
    using adapters::http::Request;
    using adapters::http::Response;
    const auto forward = [&stand_in](Request& req) -> Result<Response> {
        const auto answer =
            stand_in.Handle({req.method, req.path, req.Header("authorization"), req.body});
        Response r;
        r.status = answer.status;
        r.content_type = answer.content_type;
        r.body = answer.body;
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
    };
    for (const char* pattern :
         {"/sim/device/calls",
          "/sim/device/calls/:sid/hangup",
          "/sim/device/calls/:sid/digits",
          "/sim/device/incoming/accept",
          "/sim/device/incoming/reject",
          "/sim/customers",
          "/sim/inbound/calls",
          "/sim/inbound/messages"}) {
        router.Add({"POST", pattern, Access::Public(), forward, BodyKind::kJson});
    }
    for (const char* pattern :
         {"/2010-04-01/Accounts/:account/Calls/:file",
          "/2010-04-01/Accounts/:account/Recordings/:file",
          "/sim/messages",
          "/sim/inbound/calls/:sid",
          "/sim/inbound/messages/:sid"}) {
        router.Add({"GET", pattern, Access::Public(), forward, BodyKind::kJson});
    }
    router.Add(
        {"POST",
         "/2010-04-01/Accounts/:account/Messages.json",
         Access::Public(),
         forward,
         BodyKind::kForm}
    );
}

}  // namespace dialler::main
