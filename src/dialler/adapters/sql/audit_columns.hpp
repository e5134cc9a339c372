#pragma once

#include <string>

#include <soci/soci.h>

namespace dialler::adapters::sql {

// The audit_log columns the log's reader and the hash chain both read, in this order.
inline constexpr const char* kAuditColumns =
    "id, at, actor_kind, actor_agent_id, action, subject_type, subject_id, details, request_id, "
    "user_id";

// One audit_log row as stored, bound column by column in kAuditColumns order.
struct AuditColumns {
    long long id = 0;
    long long at = 0;
    std::string kind;
    long long actor_id = 0;
    soci::indicator actor_i = soci::i_null;
    std::string action;
    std::string subject_type;
    std::string subject_id;
    std::string details;
    std::string request_id;
    long long user_id = 0;
    soci::indicator user_i = soci::i_null;

    void Bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(actor_id, actor_i));
        st.exchange(soci::into(action));
        st.exchange(soci::into(subject_type));
        st.exchange(soci::into(subject_id));
        st.exchange(soci::into(details));
        st.exchange(soci::into(request_id));
        st.exchange(soci::into(user_id, user_i));
    }
};

}  // namespace dialler::adapters::sql
