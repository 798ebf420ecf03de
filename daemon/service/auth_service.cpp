#include "daemon/service/auth_service.hpp"

#include "daemon/service/convert.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kMaxUsername = 64;
// One answer for unknown user, wrong password and disabled account: nothing to learn from it.
constexpr std::string_view kLoginFailed = "wrong username or password";

Actor ActorOf(const db::UserRecord& u, const db::SessionRecord& s, TimePoint expires_at) {
    Actor a;
    a.user_id = u.id;
    a.username = u.username;
    a.roles = RoleSet::FromNames(u.roles);
    a.session_id = s.id;
    a.must_change_password = u.must_change_password;
    a.session_expires_at = expires_at;
    return a;
}

}  // namespace

TimePoint AuthService::SessionExpiry(const db::SessionRecord& s) const {
    return std::min(s.expires_at, s.last_seen_at + std::chrono::duration_cast<std::chrono::microseconds>(
                                                       policy_.idle_timeout));
}

Result<Actor> AuthService::Authenticate(db::Store& store, std::string_view token, TimePoint now) const {
    if (token.empty()) return Error::Unauthenticated("missing bearer token: log in first");
    if (token.size() > 256) return Error::Unauthenticated("invalid bearer token");
    std::string hash = TokenHash(token);
    return store.Read([&](db::Tx& tx) -> Result<Actor> {
        auto session = tx.sessions().FindByTokenHash(hash);
        if (!session) return Error::Unauthenticated("invalid bearer token: log in again");
        if (session->ended_at) return Error::Unauthenticated("session has ended: log in again");
        if (now >= session->expires_at) return Error::Unauthenticated("session has expired: log in again");
        if (now >= session->last_seen_at + policy_.idle_timeout) {
            return Error::Unauthenticated("session timed out after " + std::to_string(policy_.idle_timeout.count()) +
                                          " minutes without use: log in again");
        }
        auto user = tx.users().FindById(session->user_id);
        if (!user || user->disabled) return Error::Unauthenticated("account is disabled");
        return ActorOf(*user, *session, SessionExpiry(*session));
    });
}

Result<v1::LoginResponse> AuthService::Login(Call& call, const v1::LoginRequest& req) {
    if (req.username().empty()) return Error::InvalidArgument("username: required");
    if (req.username().size() > kMaxUsername) return Error::InvalidArgument("username: at most 64 characters");
    if (req.password().empty()) return Error::InvalidArgument("password: required");
    if (req.password().size() > kMaxPasswordLength) return Error::InvalidArgument("password: at most 1024 bytes");
    call.audit().username_attempted = req.username();

    SPOED_ASSIGN(auto user, call.Read([&](db::Tx& tx) -> Result<std::optional<db::UserRecord>> {
                     return tx.users().FindByUsername(req.username());
                 }));
    // Always verify, also for an unknown user (against a dummy hash), so timing tells nothing.
    bool password_ok = hasher_.Verify(user ? std::string_view(user->password_hash) : std::string_view(), req.password());
    if (!user || !password_ok || user->disabled) return Error::Unauthenticated(std::string(kLoginFailed));

    std::string token = NewToken();
    return call.Write([&](db::Tx& tx) -> Result<v1::LoginResponse> {
        db::SessionRecord s;
        s.user_id = user->id;
        s.token_hash = TokenHash(token);
        s.created_at = call.now();
        s.last_seen_at = call.now();
        s.expires_at = call.now() + std::chrono::duration_cast<std::chrono::microseconds>(policy_.lifetime);
        s.client_address = call.client_address();
        s.id = tx.sessions().Insert(s);
        call.set_actor(ActorOf(*user, s, SessionExpiry(s)));
        call.audit().object_ids.push_back(ObjectId("session", s.id));

        v1::LoginResponse resp;
        resp.set_token(token);
        ToProto(*user, resp.mutable_user());
        SetTimestamp(resp.mutable_expires_at(), s.expires_at);
        resp.set_session_id(s.id);
        return resp;
    });
}

Result<v1::LogoutResponse> AuthService::Logout(Call& call, const v1::LogoutRequest&) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("session", me.session_id));
    return call.Write([&](db::Tx& tx) -> Result<v1::LogoutResponse> {
        tx.sessions().End(me.session_id, call.now(), "logout");
        return v1::LogoutResponse();
    });
}

Result<v1::WhoAmIResponse> AuthService::WhoAmI(Call& call, const v1::WhoAmIRequest&) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("user", me.user_id));
    SPOED_ASSIGN(auto user, call.Read([&](db::Tx& tx) -> Result<db::UserRecord> {
                     auto u = tx.users().FindById(me.user_id);
                     if (!u) return Error::NotFound("user not found");
                     return *u;
                 }));
    v1::WhoAmIResponse resp;
    ToProto(user, resp.mutable_user());
    resp.set_session_id(me.session_id);
    SetTimestamp(resp.mutable_expires_at(), me.session_expires_at);
    return resp;
}

Result<v1::ListMySessionsResponse> AuthService::ListMySessions(Call& call, const v1::ListMySessionsRequest&) {
    const Actor& me = *call.actor();
    SPOED_ASSIGN(auto sessions, call.Read([&](db::Tx& tx) -> Result<std::vector<db::SessionRecord>> {
                     return tx.sessions().ListOpen(me.user_id);
                 }));
    v1::ListMySessionsResponse resp;
    for (const auto& s : sessions) {
        TimePoint expiry = SessionExpiry(s);
        if (expiry <= call.now()) continue;  // timed out, just not marked yet
        auto* out = resp.add_sessions();
        out->set_id(s.id);
        SetTimestamp(out->mutable_created_at(), s.created_at);
        SetTimestamp(out->mutable_last_seen_at(), s.last_seen_at);
        SetTimestamp(out->mutable_expires_at(), expiry);
        out->set_client_address(s.client_address);
        out->set_current(s.id == me.session_id);
    }
    return resp;
}

Result<v1::EndSessionResponse> AuthService::EndSession(Call& call, const v1::EndSessionRequest& req) {
    const Actor& me = *call.actor();
    if (req.session_id() <= 0) return Error::InvalidArgument("session_id: required");
    call.audit().object_ids.push_back(ObjectId("session", req.session_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::EndSessionResponse> {
        auto s = tx.sessions().FindById(req.session_id());
        // Someone else's session is reported as missing: no probing of other users' sessions.
        if (!s || s->user_id != me.user_id || s->ended_at) return Error::NotFound("session_id: no such open session of yours");
        tx.sessions().End(s->id, call.now(), "ended by user");
        return v1::EndSessionResponse();
    });
}

Result<v1::ChangePasswordResponse> AuthService::ChangePassword(Call& call, const v1::ChangePasswordRequest& req) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("user", me.user_id));
    if (req.current_password().empty()) return Error::InvalidArgument("current_password: required");
    if (req.current_password().size() > kMaxPasswordLength) {
        return Error::InvalidArgument("current_password: at most 1024 bytes");
    }
    SPOED_TRY(ValidateNewPassword("new_password", req.new_password()));
    if (req.new_password() == req.current_password()) {
        return Error::InvalidArgument("new_password: must differ from the current password");
    }
    SPOED_ASSIGN(auto user, call.Read([&](db::Tx& tx) -> Result<db::UserRecord> {
                     auto u = tx.users().FindById(me.user_id);
                     if (!u) return Error::NotFound("user not found");
                     return *u;
                 }));
    if (!hasher_.Verify(user.password_hash, req.current_password())) {
        return Error::PermissionDenied("current_password: wrong password");
    }
    SPOED_ASSIGN(auto hash, hasher_.Hash(req.new_password()));
    return call.Write([&](db::Tx& tx) -> Result<v1::ChangePasswordResponse> {
        tx.users().SetPassword(me.user_id, hash, false, call.now());
        return v1::ChangePasswordResponse();
    });
}

}  // namespace spoed::daemon::service
