#pragma once

#include <google/protobuf/message.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "daemon/service/refusal_tally.hpp"
#include "daemon/service/roles.hpp"
#include "db/store.hpp"

namespace spoed::daemon::service {

/// The authenticated caller of one RPC.
struct Actor {
    std::int64_t user_id = 0;
    std::string username;
    RoleSet roles;
    std::int64_t session_id = 0;
    bool must_change_password = false;
    TimePoint session_expires_at;
    /// The session was opened with a second-factor code (or upgraded by confirming one).
    bool second_factor = false;
    /// The roles need a second factor this session has not passed: only enrolment is open.
    bool must_enroll_totp = false;
};

/// What the audit line of a call says beyond who/when/where/result; services fill it in.
struct AuditNote {
    std::string action;                   // create, read, search, update, login, ...
    std::vector<std::string> object_ids;  // "user:12", "case:7"
    std::int64_t youth_id = 0;
    std::string reason;
    std::string username_attempted;  // Login: the name tried, when nobody is authenticated
};

template <typename R>
inline constexpr bool kIsMessageResult = std::is_base_of_v<google::protobuf::Message, typename R::value_type>;

/// One RPC in progress: who calls, the moment it happens, and its unit of work. Every call
/// writes exactly one audit line (NEN 7513): a call that changes something writes it in the
/// same transaction as the change (`Write`), so both commit or neither; a read or a failed call
/// writes it through `Finish`, before any data leaves the server.
class Call {
  public:
    Call(db::Store& store, TimePoint now, std::string_view service, std::string_view method, std::string_view action,
         std::string client_address)
        : store_(store), now_(now), service_(service), method_(method), client_address_(std::move(client_address)) {
        note_.action = std::string(action);
    }

    TimePoint now() const { return now_; }
    const std::optional<Actor>& actor() const { return actor_; }
    void set_actor(Actor a) { actor_ = std::move(a); }
    AuditNote& audit() { return note_; }
    const std::string& client_address() const { return client_address_; }
    std::string_view service() const { return service_; }
    std::string_view method() const { return method_; }

    template <typename F>
    auto Read(F&& fn) {
        return store_.Read(std::forward<F>(fn));
    }

    /// The call's one write transaction: runs `fn`, and when it succeeds appends the audit line
    /// (result "ok") and refreshes the caller's session in the same transaction. With an
    /// idempotency key, a key seen before answers the first response instead of running `fn`,
    /// and a new key is stored with the response — in the same transaction, so a retry racing
    /// the first attempt cannot write twice.
    template <typename F>
    auto Write(F&& fn) -> std::invoke_result_t<F, db::Tx&> {
        return WriteTo(false, std::forward<F>(fn));
    }
    /// The daemon's own work (a job, no caller): runs `fn`, which answers whether it did
    /// anything, in one write transaction. When it did, the call's audit line goes into the same
    /// transaction, by the user "spoedd"; when it found nothing to do, nothing is written, not
    /// even an audit line.
    template <typename F>
    Result<bool> WriteAsDaemon(F&& fn) {
        if (wrote_) return Error::Internal("a call may write only once");
        wrote_ = true;
        note_.username_attempted = "spoedd";
        auto done = store_.Write([&](db::Tx& tx) -> Result<bool> {
            SPOED_ASSIGN(bool did, fn(tx));
            if (did) AppendAudit(tx, "ok");
            return did;
        });
        if (done.ok() && *done) audited_ = true;
        return done;
    }
    /// Write, allowed to use the storage reserve (see Store::WriteAudit): only for what the
    /// team needs when the disk is nearly full, such as signing in.
    template <typename F>
    auto WriteFromReserve(F&& fn) -> std::invoke_result_t<F, db::Tx&> {
        return WriteTo(true, std::forward<F>(fn));
    }

    /// The answer to this call is to go out no sooner than this (a refusal that must cost what
    /// a password check costs). The server waits without holding a thread.
    void DelayAnswer(std::chrono::milliseconds d) { answer_delay_ = std::max(answer_delay_, d); }
    std::chrono::milliseconds answer_delay() const { return answer_delay_; }

    /// Set by the router for requests that carry an idempotency key.
    void set_idempotency(std::string key, std::string request_hash) {
        idempotency_key_ = std::move(key);
        request_hash_ = std::move(request_hash);
    }
    /// A stored response for this call's key: its bytes, or an error when the key was used for
    /// a different request; nullopt when the key is new (or none is set).
    std::optional<Result<std::string>> FindIdempotent(db::Tx& tx);

    /// Writes the audit line when the call has not yet (reads, refusals, failures). A read must
    /// not answer with data unless this succeeded. A refusal while nobody is signed in goes to
    /// the tally, when one is set, and is written with the others of its kind.
    Status Finish(const Error* error);
    /// Where refusals without a session are counted (see RefusalTally); null: one line each.
    void CountRefusalsIn(RefusalTally* tally) { refusals_ = tally; }
    bool audited() const { return audited_; }

  private:
    template <typename F>
    auto WriteTo(bool reserve, F&& fn) -> std::invoke_result_t<F, db::Tx&> {
        using R = std::invoke_result_t<F, db::Tx&>;
        if (wrote_) return R(Error::Internal("a call may write only once"));
        wrote_ = true;
        auto unit = [&](db::Tx& tx) -> R {
            if constexpr (kIsMessageResult<R>) {
                if (UsesIdempotency()) {
                    if (auto prev = FindIdempotent(tx)) {
                        if (!prev->ok()) return R(prev->error());
                        typename R::value_type replay;
                        if (!replay.ParseFromString(prev->value()))
                            return R(Error::Internal("stored response unreadable"));
                        note_.reason = "idempotent replay";
                        AppendAudit(tx, "ok");
                        return R(std::move(replay));
                    }
                }
            }
            R r = fn(tx);
            if (r.ok()) {
                if constexpr (kIsMessageResult<R>) {
                    if (UsesIdempotency()) StoreIdempotent(tx, r.value().SerializeAsString());
                }
                AppendAudit(tx, "ok");
            }
            return r;
        };
        R result = reserve ? store_.WriteAudit(unit) : store_.Write(unit);
        if (result.ok()) audited_ = true;
        return result;
    }
    void AppendAudit(db::Tx& tx, std::string_view result);
    bool UsesIdempotency() const { return !idempotency_key_.empty() && actor_.has_value(); }
    void StoreIdempotent(db::Tx& tx, const std::string& response);

    db::Store& store_;
    TimePoint now_;
    std::string service_;
    std::string method_;
    std::string client_address_;
    std::optional<Actor> actor_;
    AuditNote note_;
    std::string idempotency_key_;
    std::string request_hash_;
    bool wrote_ = false;
    bool audited_ = false;
    std::chrono::milliseconds answer_delay_{0};
    RefusalTally* refusals_ = nullptr;
};

}  // namespace spoed::daemon::service
