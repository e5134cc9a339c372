#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace dialler {

// Canonical failure kinds, after absl::StatusCode. Return the most specific one.
// Adding a code? Map it in ErrorCodeName() (base/error.cpp), in adapters/http/error_response.cpp
// (switch without default) and in web/src/lib/api-error.ts.
enum class ErrorCode {
    kInvalidArgument,
    kNotFound,
    kAlreadyExists,
    kFailedPrecondition,
    kPermissionDenied,
    kUnauthenticated,
    kResourceExhausted,
    kUnavailable,
    kInternal,
};

// Returns the wire name of a code: "invalid_argument", "not_found", ...
std::string_view ErrorCodeName(ErrorCode code);

// An expected failure: the caller has a business reaction to it. Infrastructure faults are
// exceptions instead (docs/decisions/0001-errors.md).
struct Error {
    ErrorCode code;
    std::string message;  // one English sentence for a human; no secrets, no personal data
    std::string field;    // the input field at fault, for kInvalidArgument; empty otherwise
    // For kResourceExhausted: how long the caller should wait before trying again.
    std::chrono::seconds retry_after{0};
};

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(field), {}});
}

inline tl::unexpected<Error> InvalidField(std::string field, std::string message) {
    return Fail(ErrorCode::kInvalidArgument, std::move(message), std::move(field));
}

// tl::expected 1.0.0 is not [[nodiscard]]; this thin subclass makes ignoring a Result a warning.
template <typename T>
class [[nodiscard]] Result : public tl::expected<T, Error> {
public:
    using tl::expected<T, Error>::expected;
};

// Result<void> stand-in that reads well at call sites: `Status DoThing();` returns `Ok()`.
using Status = Result<void>;
inline Status Ok() {
    return {};
}

}  // namespace dialler

// Propagation helpers, modelled on abseil's status_macros.h; plain C++ (no statement expressions).
#define DIALLER_CONCAT_INNER(a, b) a##b
#define DIALLER_CONCAT(a, b) DIALLER_CONCAT_INNER(a, b)

#define DIALLER_RETURN_IF_ERROR(expr)                       \
    do {                                                    \
        auto dialler_status_ = (expr);                      \
        if (!dialler_status_) {                             \
            return tl::unexpected(dialler_status_.error()); \
        }                                                   \
    } while (false)

// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` is a declaration and `tmp` a name; neither
// can be parenthesised.
#define DIALLER_ASSIGN_OR_RETURN(lhs, expr) \
    DIALLER_ASSIGN_OR_RETURN_IMPL(DIALLER_CONCAT(dialler_result_, __LINE__), lhs, expr)

#define DIALLER_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)  \
    auto tmp = (expr);                                 \
    if (!tmp) {                                        \
        return tl::unexpected(std::move(tmp).error()); \
    }                                                  \
    lhs = std::move(*tmp)
// NOLINTEND(bugprone-macro-parentheses)
