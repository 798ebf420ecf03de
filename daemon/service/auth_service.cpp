#include "daemon/service/auth_service.hpp"

#include <openssl/crypto.h>

#include "base/log.hpp"
#include "daemon/service/convert.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kMaxUsername = 64;
constexpr std::size_t kMaxCode = 16;
// One answer for unknown user, wrong password and disabled account: nothing to learn from it.
constexpr std::string_view kLoginFailed = "wrong username or password";
constexpr char kDeviceTokenVersion = 1;
constexpr auto kDeviceTokenLifetime = std::chrono::days(180);

Actor ActorOf(const db::UserRecord& u, const db::SessionRecord& s, TimePoint expires_at) {
    Actor a;
    a.user_id = u.id;
    a.username = u.username;
    a.roles = RoleSet::FromNames(u.roles);
    a.session_id = s.id;
    a.must_change_password = u.must_change_password;
    a.session_expires_at = expires_at;
    a.second_factor = s.second_factor;
    a.must_enroll_totp = RolesNeedSecondFactor(a.roles) && !s.second_factor;
    return a;
}

/// What a login reads in one snapshot.
struct LoginSubject {
    std::optional<db::UserRecord> user;
    std::optional<db::TotpRecord> totp;
};

bool Confirmed(const std::optional<db::TotpRecord>& r) { return r && r->confirmed_at.has_value(); }

std::string SecretContext(std::int64_t user_id) { return "totp:user:" + std::to_string(user_id); }

Status CheckCodeField(std::string_view field, std::string_view code) {
    if (code.size() > kMaxCode) return Error::InvalidArgument(std::string(field) + ": at most 16 characters");
    return Ok();
}

/// A short, stable name for an account key in logs: the name tried may be anything a person
/// typed (even a password), so the log gets a hash prefix, never the text.
std::string KeyTag(std::string_view key) { return Hex(Sha256(key).substr(0, 6)); }

/// The throttle's key for a device: its id in hex (what `spoedctl` lists and lifts).
std::string DeviceKey(std::string_view device) { return Hex(device); }

}  // namespace

bool RolesNeedSecondFactor(RoleSet roles) { return roles.Intersects({v1::ROLE_PSYCHIATRIST, v1::ROLE_ADMIN}); }

AuthService::AuthService(PasswordHasher& hasher, SessionPolicy policy, SecondFactorPolicy second_factor,
                         ThrottlePolicy throttle)
    : hasher_(hasher),
      policy_(policy),
      second_factor_policy_(std::move(second_factor)),
      box_(second_factor_policy_.key),
      device_key_(HmacSha256(second_factor_policy_.key, "spoed device token v1")),
      throttle_(throttle) {}

std::chrono::milliseconds AuthService::RefusalCost() const {
    // At least what a password check costs here, and never less than a second: a client
    // refused in a loop then sends one request a second per connection, not thousands. (With
    // a quarter second, 120 connections flooding log-ins still doubled the team's p99.)
    return std::max(hasher_.TypicalCost(), std::chrono::milliseconds(1000));
}

AuthService::Attempt AuthService::AttemptOf(const Call& call, std::string_view account) {
    return Attempt{std::string(account), call.client_address(), std::nullopt};
}

Status AuthService::Throttled(Call& call, const Attempt& attempt) {
    using Kind = LoginThrottle::Kind;
    std::optional<std::chrono::seconds> wait;
    if (attempt.device) {
        // A device that signed in before answers for its own failures only.
        wait = throttle_.Wait(Kind::kDevice, DeviceKey(*attempt.device), call.now());
    } else {
        wait = throttle_.Wait(attempt.account, attempt.address, call.now());
    }
    if (!wait) return Ok();
    // Never faster than a password check: a lock must not tell itself apart by its speed, and
    // a flood waits for its answers without holding a thread.
    call.DelayAnswer(RefusalCost());
    return Error::ResourceExhausted("too many failed logins: try again in " + std::to_string(wait->count()) +
                                    " seconds")
        .Because("too_many_attempts", {{"wait_seconds", std::to_string(wait->count())}});
}

void AuthService::CountFailure(Call& call, const Attempt& attempt) {
    using Kind = LoginThrottle::Kind;
    auto locked = attempt.device ? throttle_.Failure({{Kind::kDevice, DeviceKey(*attempt.device)}}, call.now())
                                 : throttle_.Failure(attempt.account, attempt.address, call.now());
    for (const auto& lock : locked) {
        // Once per burst: when a key starts being slowed down, not for every refusal after.
        bool by_address = lock.kind == Kind::kAddress;
        log::Warn("auth.login_throttled", "failed logins: further attempts are slowed down",
                  {{"kind", std::string(LoginThrottle::KindName(lock.kind))},
                   {by_address ? "address" : "key_tag", by_address ? lock.key : KeyTag(lock.key)},
                   {"failures", lock.failures}});
    }
}

Result<std::string> AuthService::OpenSecret(const db::TotpRecord& r) const {
    auto secret = box_.Open(r.secret_enc, SecretContext(r.user_id));
    if (!secret) {
        log::Error("auth.totp_unreadable", "a TOTP secret does not open with the configured totp key",
                   {{"user_id", r.user_id}});
        return Error::Unavailable("the second factor cannot be checked (server key mismatch); tell the administrator");
    }
    return *secret;
}

Result<std::int64_t> AuthService::CheckCode(Call& call, const db::TotpRecord& r, std::string_view code,
                                            const Attempt& attempt) {
    SPOED_ASSIGN(std::string secret, OpenSecret(r));
    auto step = MatchTotp(secret, code, call.now(), r.last_step);
    if (!step) {
        CountFailure(call, attempt);
        return Error::Unauthenticated("totp_code: wrong or already used code").Because("second_factor_wrong");
    }
    return *step;
}

TimePoint AuthService::SessionExpiry(const db::SessionRecord& s) const {
    return std::min(s.expires_at,
                    s.last_seen_at + std::chrono::duration_cast<std::chrono::microseconds>(policy_.idle_timeout));
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
        if (!user || user->disabled) return Error::Unauthenticated("account is disabled").Because("account_disabled");
        return ActorOf(*user, *session, SessionExpiry(*session));
    });
}

Result<v1::LoginResponse> AuthService::Login(Call& call, const v1::LoginRequest& req) {
    if (req.username().empty()) return Error::InvalidArgument("username: required").Because("required");
    if (req.username().size() > kMaxUsername) return Error::InvalidArgument("username: at most 64 characters");
    if (req.password().empty()) return Error::InvalidArgument("password: required").Because("required");
    if (req.password().size() > kMaxPasswordLength) return Error::InvalidArgument("password: at most 1024 bytes");
    SPOED_TRY(CheckCodeField("totp_code", req.totp_code()));
    if (req.device_token().size() > 256) return Error::InvalidArgument("device_token: at most 256 characters");
    call.audit().username_attempted = req.username();

    Attempt attempt = AttemptOf(call, req.username());
    auto device = ReadDeviceToken(req.device_token(), call.now());
    // Without a device token a locked name or address is refused before even reading the
    // store: a flood of refused log-ins costs as little as can be.
    if (!device) SPOED_TRY(Throttled(call, attempt));
    SPOED_ASSIGN(auto subject, call.Read([&](db::Tx& tx) -> Result<LoginSubject> {
        LoginSubject s;
        s.user = tx.users().FindByUsername(req.username());
        if (s.user) s.totp = tx.totp().Find(s.user->id);
        return s;
    }));
    const auto& user = subject.user;
    if (device && user && device->user_id == user->id) attempt.device = device->device;
    // Refused before any password work, and the same for names that exist and names that don't.
    if (device) SPOED_TRY(Throttled(call, attempt));
    if (auto wait = throttle_.SignInWait(req.username(), attempt.address, call.now())) {
        call.DelayAnswer(RefusalCost());
        return Error::ResourceExhausted("too many sign-ins: try again in " + std::to_string(wait->count()) + " seconds")
            .Because("too_many_attempts", {{"wait_seconds", std::to_string(wait->count())}});
    }

    // Always verify, also for an unknown user (against a dummy hash), so timing tells nothing.
    auto password_ok = hasher_.Verify(user ? std::string_view(user->password_hash) : std::string_view(), req.password(),
                                      attempt.device.has_value());
    if (!password_ok.ok()) {
        // Too many checks waiting: refused at once, and counted as a failure (not for a known
        // device): a flood must use up its allowance here, not keep the checks busy for as
        // long as it has allowance left.
        if (!attempt.device) CountFailure(call, attempt);
        return std::move(password_ok).take_error();
    }
    if (!user || !*password_ok || user->disabled) {
        CountFailure(call, attempt);
        return Error::Unauthenticated(std::string(kLoginFailed)).Because("sign_in_failed");
    }
    std::optional<std::int64_t> step;
    if (Confirmed(subject.totp)) {
        if (req.totp_code().empty()) {
            CountFailure(call, attempt);
            return Error::Unauthenticated("totp_code: this account needs the six-digit code from its authenticator app")
                .Because("second_factor_needed");
        }
        SPOED_ASSIGN(step, CheckCode(call, *subject.totp, req.totp_code(), attempt));
    }

    std::string token = NewToken();
    // A sign-in may use the storage reserve: with the disk nearly full the team still signs in.
    auto resp = call.WriteFromReserve([&](db::Tx& tx) -> Result<v1::LoginResponse> {
        if (!SpendCode(tx, user->id, step).ok())
            return Error::Unauthenticated("totp_code: wrong or already used code").Because("second_factor_wrong");
        db::SessionRecord s;
        s.user_id = user->id;
        s.token_hash = TokenHash(token);
        s.created_at = call.now();
        s.last_seen_at = call.now();
        s.expires_at = call.now() + std::chrono::duration_cast<std::chrono::microseconds>(policy_.lifetime);
        s.client_address = call.client_address();
        s.second_factor = step.has_value();
        s.id = tx.sessions().Insert(s);
        call.set_actor(ActorOf(*user, s, SessionExpiry(s)));
        call.audit().object_ids.push_back(ObjectId("session", s.id));

        v1::LoginResponse answer;
        answer.set_token(token);
        ToProto(*user, answer.mutable_user());
        SetTimestamp(answer.mutable_expires_at(), s.expires_at);
        answer.set_session_id(s.id);
        answer.set_must_enroll_totp(call.actor()->must_enroll_totp);
        answer.set_device_token(IssueDeviceToken(user->id, attempt.device, call.now()));
        return answer;
    });
    if (resp.ok()) {
        // A known device clears its own count only: its owner signing in must not hand the
        // guesser elsewhere a fresh allowance.
        if (attempt.device) {
            throttle_.Success(LoginThrottle::Kind::kDevice, DeviceKey(*attempt.device));
        } else {
            throttle_.Success(LoginThrottle::Kind::kAccount, req.username());
        }
        throttle_.SignedIn(req.username(), attempt.address, call.now());
    }
    return resp;
}

std::string AuthService::IssueDeviceToken(std::int64_t user_id, const std::optional<std::string>& device,
                                          TimePoint now) const {
    // version | user id | issued (Unix seconds) | device id (16 random bytes) | HMAC of all before
    std::string body(1, kDeviceTokenVersion);
    auto put = [&](std::int64_t v) {
        for (int shift = 56; shift >= 0; shift -= 8)
            body += static_cast<char>((static_cast<std::uint64_t>(v) >> shift) & 0xff);
    };
    put(user_id);
    put(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    body += device ? *device : RandomBytes(16);
    return Base64UrlEncode(body + HmacSha256(device_key_, body));
}

std::optional<AuthService::DeviceClaim> AuthService::ReadDeviceToken(std::string_view token, TimePoint now) const {
    if (token.empty()) return std::nullopt;
    auto raw = Base64UrlDecode(token);
    constexpr std::size_t kBody = 1 + 8 + 8 + 16;
    if (!raw || raw->size() != kBody + 32 || (*raw)[0] != kDeviceTokenVersion) return std::nullopt;
    std::string_view body = std::string_view(*raw).substr(0, kBody);
    std::string mac = HmacSha256(device_key_, body);
    if (CRYPTO_memcmp(mac.data(), raw->data() + kBody, mac.size()) != 0) return std::nullopt;
    auto get = [&](std::size_t at) {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(body[at + i]);
        return static_cast<std::int64_t>(v);
    };
    TimePoint issued{std::chrono::seconds(get(9))};
    if (issued > now + std::chrono::minutes(5) || now - issued > kDeviceTokenLifetime) return std::nullopt;
    return DeviceClaim{get(1), std::string(body.substr(17))};
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
    if (req.session_id() <= 0) return Error::InvalidArgument("session_id: required").Because("required");
    call.audit().object_ids.push_back(ObjectId("session", req.session_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::EndSessionResponse> {
        auto s = tx.sessions().FindById(req.session_id());
        // Someone else's session is reported as missing: no probing of other users' sessions.
        if (!s || s->user_id != me.user_id || s->ended_at)
            return Error::NotFound("session_id: no such open session of yours");
        tx.sessions().End(s->id, call.now(), "ended by user");
        return v1::EndSessionResponse();
    });
}

Result<v1::ChangePasswordResponse> AuthService::ChangePassword(Call& call, const v1::ChangePasswordRequest& req) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("user", me.user_id));
    if (req.current_password().empty()) return Error::InvalidArgument("current_password: required").Because("required");
    if (req.current_password().size() > kMaxPasswordLength) {
        return Error::InvalidArgument("current_password: at most 1024 bytes");
    }
    SPOED_TRY(ValidateNewPassword("new_password", req.new_password()));
    if (req.new_password() == req.current_password()) {
        return Error::InvalidArgument("new_password: must differ from the current password");
    }
    // A wrong current password counts as a failed log-in: a copied token is no password oracle.
    const Attempt attempt = AttemptOf(call, me.username);
    SPOED_TRY(Throttled(call, attempt));
    SPOED_ASSIGN(auto user, call.Read([&](db::Tx& tx) -> Result<db::UserRecord> {
        auto u = tx.users().FindById(me.user_id);
        if (!u) return Error::NotFound("user not found");
        return *u;
    }));
    SPOED_ASSIGN(bool password_ok, hasher_.Verify(user.password_hash, req.current_password()));
    if (!password_ok) {
        CountFailure(call, attempt);
        return Error::PermissionDenied("current_password: wrong password").Because("wrong_password");
    }
    SPOED_ASSIGN(auto hash, hasher_.Hash(req.new_password()));
    return call.Write([&](db::Tx& tx) -> Result<v1::ChangePasswordResponse> {
        tx.users().SetPassword(me.user_id, hash, false, call.now());
        // Whoever else holds a session of this user (a thief with the old password) is out;
        // the desk that changed it stays signed in.
        tx.sessions().EndOthersForUser(me.user_id, me.session_id, call.now(), "password changed");
        return v1::ChangePasswordResponse();
    });
}

Result<v1::BeginTotpEnrollmentResponse> AuthService::BeginTotpEnrollment(Call& call,
                                                                         const v1::BeginTotpEnrollmentRequest&) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("user", me.user_id));
    std::string secret = NewTotpSecret();
    std::string sealed = box_.Seal(secret, SecretContext(me.user_id));
    return call.Write([&](db::Tx& tx) -> Result<v1::BeginTotpEnrollmentResponse> {
        if (Confirmed(tx.totp().Find(me.user_id))) {
            return Error::FailedPrecondition(
                "you already have a second factor; to replace it, an admin resets it (AdminService/ResetTotp)");
        }
        tx.totp().PutPending(me.user_id, sealed, call.now());
        v1::BeginTotpEnrollmentResponse resp;
        resp.set_otpauth_uri(TotpUri(second_factor_policy_.issuer, me.username, secret));
        resp.set_secret(Base32Encode(secret));
        return resp;
    });
}

Result<v1::ConfirmTotpEnrollmentResponse> AuthService::ConfirmTotpEnrollment(
    Call& call, const v1::ConfirmTotpEnrollmentRequest& req) {
    const Actor& me = *call.actor();
    call.audit().object_ids.push_back(ObjectId("user", me.user_id));
    if (req.code().empty()) return Error::InvalidArgument("code: required: the six digits the app shows");
    SPOED_TRY(CheckCodeField("code", req.code()));
    SPOED_ASSIGN(auto pending, call.Read([&](db::Tx& tx) -> Result<db::TotpRecord> {
        auto r = tx.totp().Find(me.user_id);
        if (!r) return Error::FailedPrecondition("no enrolment started: call BeginTotpEnrollment first");
        if (r->confirmed_at)
            return Error::FailedPrecondition("your second factor is already confirmed").Because("already_done");
        return *r;
    }));
    SPOED_ASSIGN(std::string secret, OpenSecret(pending));
    auto step = MatchTotp(secret, req.code(), call.now(), pending.last_step);
    if (!step) {
        return Error::InvalidArgument(
            "code: does not match; check that the app's clock is right and type the code it "
            "shows now");
    }
    return call.Write([&](db::Tx& tx) -> Result<v1::ConfirmTotpEnrollmentResponse> {
        auto r = tx.totp().Find(me.user_id);
        // Begun again meanwhile (another secret): this code belongs to the old one.
        if (!r || r->confirmed_at || r->secret_enc != pending.secret_enc) {
            return Error::Aborted("the enrolment changed meanwhile; start again");
        }
        tx.totp().Confirm(me.user_id, *step, call.now());
        tx.sessions().MarkSecondFactor(me.session_id);
        auto u = tx.users().FindById(me.user_id);
        if (!u) return Error::NotFound("user not found");
        v1::ConfirmTotpEnrollmentResponse resp;
        ToProto(*u, resp.mutable_user());
        return resp;
    });
}

Result<v1::ListLoginLocksResponse> AuthService::ListLoginLocks(Call& call, const v1::ListLoginLocksRequest&) {
    v1::ListLoginLocksResponse resp;
    for (const auto& l : throttle_.List(call.now())) {
        auto* out = resp.add_locks();
        out->set_kind(std::string(LoginThrottle::KindName(l.kind)));
        out->set_key(l.key);
        out->set_failures(l.failures);
        SetTimestamp(out->mutable_last_failure_at(), l.last_failure);
        if (l.locked_until) SetTimestamp(out->mutable_locked_until(), *l.locked_until);
    }
    return resp;
}

Result<v1::LiftLoginLockResponse> AuthService::LiftLoginLock(Call& call, const v1::LiftLoginLockRequest& req) {
    LoginThrottle::Kind kind;
    if (req.kind() == "account")
        kind = LoginThrottle::Kind::kAccount;
    else if (req.kind() == "address")
        kind = LoginThrottle::Kind::kAddress;
    else if (req.kind() == "device")
        kind = LoginThrottle::Kind::kDevice;
    else
        return Error::InvalidArgument(R"(kind: "account", "address" or "device")");
    if (req.key().empty()) return Error::InvalidArgument("key: required: the user name or the client address");
    if (req.key().size() > 256) return Error::InvalidArgument("key: at most 256 characters");
    call.audit().reason = "login lock lifted (" + req.kind() + ")";
    v1::LiftLoginLockResponse resp;
    resp.set_lifted(throttle_.Lift(kind, req.key()));
    if (resp.lifted()) {
        log::Info("auth.login_lock_lifted", "an admin lifted a login lock",
                  {{"kind", req.kind()}, {"by", call.actor()->username}});
    }
    return resp;
}

Result<v1::ResetTotpResponse> AuthService::ResetTotp(Call& call, const v1::ResetTotpRequest& req) {
    if (req.user_id() <= 0) return Error::InvalidArgument("user_id: required").Because("required");
    call.audit().object_ids.push_back(ObjectId("user", req.user_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::ResetTotpResponse> {
        auto u = tx.users().FindById(req.user_id());
        if (!u) return Error::NotFound("user_id: no user " + std::to_string(req.user_id()));
        if (!tx.totp().Delete(u->id)) return Error::FailedPrecondition("user_id: this user has no second factor");
        tx.sessions().EndAllForUser(u->id, call.now(), "second factor reset");
        u->totp_enrolled = false;
        v1::ResetTotpResponse resp;
        ToProto(*u, resp.mutable_user());
        return resp;
    });
}

Result<std::optional<std::int64_t>> AuthService::Reauthenticate(Call& call, std::string_view password,
                                                                std::string_view code) {
    const Actor& me = *call.actor();
    if (password.empty()) return Error::InvalidArgument("password: required: type your password again to confirm");
    if (password.size() > kMaxPasswordLength) return Error::InvalidArgument("password: at most 1024 bytes");
    SPOED_TRY(CheckCodeField("totp_code", code));
    const Attempt attempt = AttemptOf(call, me.username);
    SPOED_TRY(Throttled(call, attempt));
    SPOED_ASSIGN(auto subject, call.Read([&](db::Tx& tx) -> Result<LoginSubject> {
        LoginSubject s;
        s.user = tx.users().FindById(me.user_id);
        s.totp = tx.totp().Find(me.user_id);
        return s;
    }));
    if (!subject.user) return Error::NotFound("user not found");
    SPOED_ASSIGN(bool password_ok, hasher_.Verify(subject.user->password_hash, password));
    if (!password_ok) {
        CountFailure(call, attempt);
        return Error::PermissionDenied("password: wrong password").Because("wrong_password");
    }
    std::optional<std::int64_t> step;
    if (Confirmed(subject.totp)) {
        if (code.empty()) return Error::InvalidArgument("totp_code: required: you have a second factor");
        auto checked = CheckCode(call, *subject.totp, code, attempt);
        if (!checked.ok()) {
            if (checked.error().code == ErrorCode::kUnauthenticated) {
                return Error::PermissionDenied(checked.error().message);  // the session itself is fine
            }
            return std::move(checked).take_error();
        }
        step = *checked;
    }
    throttle_.Success(LoginThrottle::Kind::kAccount, me.username);
    return step;
}

Status AuthService::SpendCode(db::Tx& tx, std::int64_t user_id, std::optional<std::int64_t> step) const {
    if (!step) return Ok();
    auto r = tx.totp().Find(user_id);
    // Two calls racing with the same code: the second finds its step spent.
    if (!r || r->last_step >= *step)
        return Error::PermissionDenied("totp_code: wrong or already used code").Because("second_factor_wrong");
    tx.totp().SetLastStep(user_id, *step);
    return Ok();
}

}  // namespace spoed::daemon::service
