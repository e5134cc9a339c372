#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dialler/adapters/http/router.hpp"
#include "dialler/app/agent_day.hpp"
#include "dialler/app/agent_service.hpp"
#include "dialler/app/agent_status_service.hpp"
#include "dialler/app/analytics.hpp"
#include "dialler/app/audit_search.hpp"
#include "dialler/app/auth_service.hpp"
#include "dialler/app/call_service.hpp"
#include "dialler/app/callback_service.hpp"
#include "dialler/app/customer_service.hpp"
#include "dialler/app/discovery_service.hpp"
#include "dialler/app/floor_board.hpp"
#include "dialler/app/inbound_call_service.hpp"
#include "dialler/app/inspection_service.hpp"
#include "dialler/app/magic_link_service.hpp"
#include "dialler/app/queue_service.hpp"
#include "dialler/app/readiness_service.hpp"
#include "dialler/app/recordings_service.hpp"
#include "dialler/app/retention.hpp"
#include "dialler/app/settings_service.hpp"
#include "dialler/app/sms_inbox_service.hpp"
#include "dialler/app/sms_service.hpp"
#include "dialler/app/sms_template_service.hpp"
#include "dialler/platform/config.hpp"
#include "dialler/platform/metrics.hpp"

namespace dialler::adapters::http {

struct CookieSettings {
    bool secure = false;  // PUBLIC_URL is https
};

// Each function adds one feature's routes, each with its declared access. The handlers map
// JSON to app calls and back; they hold references to the services.
void AddOpsRoutes(Router& router, app::ReadinessService& readiness, std::string version);

// GET /api/admin/warnings (admin): the settings an admin should change (platform::ConfigWarnings).
void AddConfigWarningsRoute(Router& router, const std::vector<platform::ConfigWarning>& warnings);

// Who may read GET /metrics (it names every route and counts failed logins).
struct MetricsAccess {
    // When set, every caller must send `Authorization: Bearer <token>`.
    std::string token;
    // Without a token: whether only loopback peers may read (the default listener), or anyone
    // who reaches the listener (a METRICS_BIND address the operator keeps private).
    bool loopback_only = true;
};
void AddMetricsRoute(Router& router, platform::Metrics& metrics, MetricsAccess access);

// Whether `address` (as the socket reports it) is a loopback address: 127.0.0.0/8, ::1 or
// ::ffff:127.x.y.z.
bool IsLoopbackAddress(std::string_view address);
// `activity`, when given, hears of each login and logout (the agent's status).
void AddAuthRoutes(
    Router& router,
    app::AuthService& auth,
    CookieSettings cookies,
    app::AgentActivity* activity = nullptr
);
struct QueueRouteDeps {
    app::DiscoveryService& discovery;
    app::InspectionService& inspection;
    app::QueueService& queue;
    app::CallbackService& callbacks;
    app::CallService& calls;       // an outcome names the call it closes
    app::AgentActivity& activity;  // a saved outcome ends the agent's wrap-up
    const domain::LenderNames& lenders;
    const Clock& clock;
};
void AddQueueRoutes(Router& router, QueueRouteDeps deps);

// Calls: the provider's webhooks (public, each verified by its signature against
// `public_url`), voice tokens, call sessions and their recordings, customers' calls to us
// ringing an agent (GET /api/calls/incoming, POST /api/call-sessions/:id/answer).
struct CallRouteDeps {
    app::CallService& calls;
    app::InboundCallService& inbound;
    app::RecordingsService& recordings;  // GET /api/recordings (supervisors, admins)
    const app::Telephony& telephony;
    std::string public_url;  // PUBLIC_URL, no trailing slash
    const domain::LenderNames& lenders;
    const Clock& clock;
};
void AddCallRoutes(Router& router, const CallRouteDeps& deps);

// GET /api/audit (supervisors, admins): the audit log viewer's search (docs/api.md "Audit log").
void AddAuditRoutes(Router& router, app::AuditViewer& viewer);

// GET /api/floor (supervisors, admins): the live floor board's snapshot (docs/metrics.md "The
// floor board"); open boards refetch it when a live event says something changed.
void AddFloorRoutes(Router& router, app::FloorBoardService& board);

// GET /api/analytics?from=&to= (supervisors, admins) and each of its tables as CSV at
// /api/analytics/<table>.csv (docs/metrics.md "Analytics"; the CSV rows are the JSON rows).
void AddAnalyticsRoutes(Router& router, app::AnalyticsService& analytics);

// The admin's agent accounts: GET/POST /api/admin/agents, PATCH /api/admin/agents/:id,
// POST /api/admin/agents/:id/password (docs/api.md "Agent accounts").
void AddAdminAgentRoutes(Router& router, app::AgentService& agents);

// A machine agent's API keys: GET/POST /api/admin/agents/:id/api-keys,
// POST /api/admin/api-keys/:id/revoke (docs/api.md "Machine agents").
void AddApiKeyRoutes(Router& router, app::ApiKeyService& keys);

// Legal holds, which the retention job honours: GET/POST /api/admin/legal-holds,
// POST /api/admin/legal-holds/:id/release (docs/api.md "Retention and legal holds").
void AddLegalHoldRoutes(Router& router, app::RetentionService& retention);

// POST /api/sms/send, GET /api/sms/messages?userId=, the conversations at /api/sms/conversations
// and GET /api/sms/unread, the templates at /api/sms/templates (docs/api.md "Texts"), and the
// signed webhooks: texts to us at
// POST /api/webhooks/twilio/sms, delivery reports at POST /api/webhooks/twilio/sms-status?id=.
struct SmsRouteDeps {
    app::SmsService& sms;
    app::SmsInboxService& inbox;
    app::SmsTemplateService& templates;
    const app::Telephony& telephony;
    std::string public_url;  // PUBLIC_URL, no trailing slash
};
void AddSmsRoutes(Router& router, const SmsRouteDeps& deps);

// POST /api/magic-links, GET /api/magic-links?userId=, POST /api/magic-links/:id/revoke
// (docs/api.md "Magic links"), and the customer's click: GET /l/:token (public; a redirect to
// the platform, or a plain page saying why not).
struct MagicLinkRouteDeps {
    app::MagicLinkService& links;
    const Clock& clock;
};
void AddMagicLinkRoutes(Router& router, const MagicLinkRouteDeps& deps);

// GET/PUT /api/agents/me/status (agents, supervisors), GET /api/agents/status and
// GET /api/agents/:id/status-timeline (supervisors, admins; an agent their own).
void AddAgentStatusRoutes(Router& router, app::AgentStatusService& status);
// GET /api/agents/me/day: the agent's day so far, and what auto mode needs to know.
void AddAgentDayRoute(
    Router& router, app::AgentDayService& days, const app::SettingsProvider& settings
);

// Customer search and the customer's page (audited views), and the floor's agents' names.
struct CustomerRouteDeps {
    app::CustomerService& customers;
    app::AgentService& agents;         // names for screens (List)
    app::RetentionService& retention;  // a legal hold, shown to supervisors and admins
    const domain::LenderNames& lenders;
    const Clock& clock;
};
void AddCustomerRoutes(Router& router, const CustomerRouteDeps& deps);

// GET /api/settings (supervisor, admin), PUT /api/settings (admin); GET /api/calling-hours?days=
// (anyone signed in): the open calling hours from now through the next `days` UK days (1-31,
// default 14), for the screens that offer callback times.
void AddSettingsRoutes(Router& router, app::SettingsService& settings, const Clock& clock);

// Test hooks for black-box tests; only added when ENABLE_TEST_ENDPOINTS is on (never in
// production). POST /api/testing/clock {"now": RFC 3339 | null, "running": bool} pins the clock
// (stopped, or running on from `now`) or unpins it.
// Also POST /api/testing/jobs/:name: runs one of `jobs` (a periodic job, by its name) once now,
// so a browser test need not wait for its timer → {"job", "result"}.
using TestJobs = std::map<std::string, std::function<int()>>;
void AddTestingRoutes(
    Router& router,
    const std::function<void(std::optional<Timestamp>, bool)>& set_clock,
    TestJobs jobs = {}
);

}  // namespace dialler::adapters::http
