#include "db/audit_chain.hpp"

#include "db/sqlite_store.hpp"

namespace spoed::db {

AuditChainCheck VerifyAuditChain(Connection& connection) {
    AuditChainCheck out;
    auto st = connection.Prepare(
        "SELECT seq, at, user_id, username, roles, service, method, action, object_ids, youth_id, client_address, "
        "result, reason, hash FROM audit_events ORDER BY seq");
    std::string prev;
    while (st.Step()) {
        AuditRecord r;
        r.seq = st.Int(0);
        r.at = FromMicros(st.Int(1));
        r.user_id = st.Int(2);
        r.username = st.Text(3);
        r.roles = st.Text(4);
        r.service = st.Text(5);
        r.method = st.Text(6);
        r.action = st.Text(7);
        r.object_ids = st.Text(8);
        r.youth_id = st.Int(9);
        r.client_address = st.Text(10);
        r.result = st.Text(11);
        r.reason = st.Text(12);
        r.hash = st.Blob(13);
        ++out.entries;
        if (AuditHash(prev, r) != r.hash) {
            out.ok = false;
            out.first_bad_seq = r.seq;
            out.problem = "audit entry " + std::to_string(r.seq) +
                          " does not follow from the entry before it (changed, removed or reordered)";
            return out;
        }
        prev = r.hash;
    }
    return out;
}

}  // namespace spoed::db
