#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dialler/platform/config.hpp"

namespace dialler::main {

// Each subcommand of `dialler`; returns the process exit code (0 ok, 1 failure, 2 bad usage or
// configuration). Messages for the operator go to stderr, results to stdout.

int RunServe(const platform::Config& config);

int RunMigrate(const platform::Config& config, bool status_only);

struct DemoDataArgs {
    int users = 5000;
    std::string out;
    std::uint64_t seed = 1;
};
int RunDemoData(const DemoDataArgs& args);

struct AddAgentArgs {
    std::string email;
    std::string name;
    std::string role = "agent";
    std::string queues;
};
// Reads the new password from the first line of stdin (never from the command line, where
// `ps` and shell history would keep it).
int RunAgentsAdd(const platform::Config& config, const AddAgentArgs& args);
int RunAgentsList(const platform::Config& config, bool as_json);
int RunAgentsPasswd(const platform::Config& config, const std::string& email);
int RunAgentsDeactivate(const platform::Config& config, const std::string& email);

// `dialler discover [--full]`: one discovery run now (for cron); prints the run as JSON.
// The audit log's hash chain: seal what is not sealed yet; check every sealed entry (exit 1 naming
// the first entry changed, deleted or slipped in after sealing).
int RunAuditSeal(const platform::Config& config);
int RunAuditVerify(const platform::Config& config);
int RunDiscover(const platform::Config& config, bool full);
// `dialler queue stats`: depth and callable-now per queue, and the last runs.
int RunQueueStats(const platform::Config& config);
// `dialler queue show USER_ID [--json]`: eligibility, gate, score and lease of one customer,
// read live from the replica.
// `dialler replica check`: which of the indexes the dialler needs the replica has. Exit 1 when
// one is missing.
int RunReplicaCheck(const platform::Config& config);
// `dialler report data-quality [--csv]`: every customer left out for their phone number.
int RunReportDataQuality(const platform::Config& config, bool csv);
// `dialler twilio signature|token|twiml`: what Twilio would send or receive, for operators.
struct TwilioSignatureArgs {
    std::string url;
    std::string auth_token;
    std::vector<std::string> params;  // "key=value"
    std::string body_file;            // a JSON body: signed through bodySHA256 in the URL
};
int RunTwilioSignature(const TwilioSignatureArgs& args);
int RunTwilioToken(const platform::Config& config, const std::string& identity, int ttl_seconds);
struct TwilioTwimlArgs {
    std::string number;
    std::string caller_id;
    int timeout_seconds = 25;
    std::string public_url;  // the callbacks' base
};
int RunTwilioTwiml(const TwilioTwimlArgs& args);

// `dialler twilio-sim`: the Twilio stand-in on its own listener until SIGINT/SIGTERM.
struct TwilioSimArgs {
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 8090;
    std::string webhook_url;  // the dialler (PUBLIC_URL when empty)
    std::uint64_t seed = 1;
    // Its clock starts at this RFC 3339 time and runs on (to match a dialler whose test clock
    // was set so); empty: the real time.
    std::string clock_start;
};
int RunTwilioSim(const platform::Config& config, const TwilioSimArgs& args);

int RunQueueShow(const platform::Config& config, const std::string& user_id, bool as_json);
// `dialler export customer ID [--out FILE]`: the customer's subject access export (the zip of
// GET /api/customers/:id/export), audited as the CLI's.
int RunExportCustomer(
    const platform::Config& config, const std::string& user_id, const std::string& out_path
);

}  // namespace dialler::main
