#pragma once

#include <string>

#include "dialler/adapters/http/http_types.hpp"
#include "dialler/base/error.hpp"

namespace dialler::adapters::http {

// The one place where an ErrorCode becomes an HTTP status (docs/api.md lists the table).
int HttpStatusFor(ErrorCode code);

// Builds the error envelope {"error":{"code","message","requestId"[,"field"]}} for `error`,
// with Retry-After for throttling.
Response ErrorResponse(const Error& error, const std::string& request_id);

// For failures that are not an app Error: 404 unknown route, 405, 413, 503 draining, 500.
Response ErrorResponse(
    int status, std::string_view code, std::string_view message, const std::string& request_id
);

}  // namespace dialler::adapters::http
