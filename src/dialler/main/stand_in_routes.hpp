#pragma once

#include "dialler/adapters/http/router.hpp"
#include "dialler/adapters/twilio/stand_in.hpp"

namespace dialler::main {

// Serves the Twilio stand-in's routes (stand_in.hpp) from an HTTP router: the dialler's own with
// TELEPHONY=sim, or a listener of its own under `dialler twilio-sim`. Each route authenticates
// as Twilio would (basic auth, or the device's access token), so all are public here.
void AddStandInRoutes(adapters::http::Router& router, adapters::twilio::TwilioStandIn& stand_in);

}  // namespace dialler::main
