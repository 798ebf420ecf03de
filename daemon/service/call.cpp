#include "daemon/service/call.hpp"

#include "base/log.hpp"

namespace spoed::daemon::service {

void Call::AppendAudit(db::Tx& tx, std::string_view result) {
    db::AuditRecord r;
    r.at = now_;
    if (actor_) {
        r.user_id = actor_->user_id;
        r.username = actor_->username;
        r.roles = actor_->roles.Joined();
        tx.sessions().Touch(actor_->session_id, now_);
    } else {
        r.username = note_.username_attempted;
    }
    r.service = service_;
    r.method = method_;
    r.action = note_.action;
    for (const auto& id : note_.object_ids) {
        if (!r.object_ids.empty()) r.object_ids += ',';
        r.object_ids += id;
    }
    r.youth_id = note_.youth_id;
    r.client_address = client_address_;
    r.result = std::string(result);
    r.reason = note_.reason;
    tx.audit().Append(std::move(r));
}

std::optional<Result<std::string>> Call::FindIdempotent(db::Tx& tx) {
    if (!UsesIdempotency()) return std::nullopt;
    std::string method = service_ + "/" + method_;
    auto prev = tx.idempotency().Find(actor_->user_id, method, idempotency_key_);
    if (!prev) return std::nullopt;
    if (prev->request_hash != request_hash_) {
        return Result<std::string>(
            Error::InvalidArgument("idempotency_key: already used for a different request; use a new key"));
    }
    return Result<std::string>(prev->response);
}

void Call::StoreIdempotent(db::Tx& tx, const std::string& response) {
    db::IdempotencyRecord r{request_hash_, response};
    tx.idempotency().Insert(actor_->user_id, service_ + "/" + method_, idempotency_key_, r, now_);
}

Status Call::Finish(const Error* error) {
    if (audited_) return Ok();
    std::string result = error ? std::string(ErrorCodeName(error->code)) : std::string("ok");
    if (error != nullptr && !actor_ && refusals_ != nullptr) {
        refusals_->Count({client_address_, service_, method_, note_.action, result,
                          error->reason.empty() ? std::string(DefaultReason(error->code)) : error->reason,
                          note_.username_attempted, now_});
        audited_ = true;
        return Ok();
    }
    // Only the audit line (and the session's last use): the store may take it from its reserve.
    Status st = store_.WriteAudit([&](db::Tx& tx) -> Status {
        AppendAudit(tx, result);
        return Ok();
    });
    if (!st.ok()) {
        log::Error("audit.write_failed", "could not write the audit line of a call",
                   {{"service", service_}, {"method", method_}, {"code", std::string(ErrorCodeName(st.error().code))}});
        return st;
    }
    audited_ = true;
    return Ok();
}

}  // namespace spoed::daemon::service
