#include "daemon/service/admin_service.hpp"

#include <charconv>

#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::size_t kMaxDisplayName = 200;

Status ValidateDisplayName(std::string_view name) {
    if (name.empty()) return Error::InvalidArgument("display_name: required").Because("required");
    if (name.size() > kMaxDisplayName) return Error::InvalidArgument("display_name: at most 200 bytes");
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f) return Error::InvalidArgument("display_name: must not contain control characters");
    }
    return Ok();
}

Result<RoleSet> ValidateRoles(const google::protobuf::RepeatedField<int>& roles) {
    if (roles.empty()) return Error::InvalidArgument("roles: at least one role is required");
    RoleSet set;
    for (int r : roles) {
        if (!v1::Role_IsValid(r) || r == v1::ROLE_UNSPECIFIED) {
            return Error::InvalidArgument("roles: unknown role " + std::to_string(r));
        }
        set.Add(static_cast<Role>(r));
    }
    if (set.Has(v1::ROLE_MELDCODE_OFFICER) && !set.Has(v1::ROLE_COORDINATOR)) {
        return Error::InvalidArgument("roles: the aandachtsfunctionaris (meldcode_officer) is a coordinator too");
    }
    return set;
}

Result<db::UserRecord> FindUser(db::Tx& tx, std::int64_t id) {
    if (id <= 0) return Error::InvalidArgument("user_id: required").Because("required");
    auto u = tx.users().FindById(id);
    if (!u) return Error::NotFound("user_id: no user " + std::to_string(id));
    return *u;
}

/// Admins still able to act once `user_id` is changed as described.
bool OtherActiveAdminExists(db::Tx& tx, std::int64_t user_id) {
    for (const auto& u : tx.users().List(false)) {
        if (u.id != user_id && RoleSet::FromNames(u.roles).Has(v1::ROLE_ADMIN)) return true;
    }
    return false;
}

/// Either the password given (checked) or a fresh one-time password.
Result<std::pair<std::string, bool>> ChoosePassword(std::string_view field, const std::string& given) {
    if (given.empty()) return std::pair<std::string, bool>(NewOneTimePassword(), true);
    SPOED_TRY(ValidateNewPassword(field, given));
    return std::pair<std::string, bool>(given, false);
}

/// "a,b,c" → {"a", "b", "c"}; "" → {}.
std::vector<std::string> SplitList(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < s.size();) {
        std::size_t end = s.find(',', start);
        if (end == std::string_view::npos) end = s.size();
        out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace

Status ValidateUsername(std::string_view username) {
    if (username.size() < 3 || username.size() > 64) {
        return Error::InvalidArgument("username: must be 3 to 64 characters long");
    }
    for (std::size_t i = 0; i < username.size(); ++i) {
        char c = username[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
            return Error::InvalidArgument(
                "username: only lower-case letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }
    return Ok();
}

Result<v1::CreateUserResponse> AdminService::CreateUser(Call& call, const v1::CreateUserRequest& req) {
    SPOED_TRY(ValidateUsername(req.username()));
    SPOED_TRY(ValidateDisplayName(req.display_name()));
    SPOED_ASSIGN(RoleSet roles, ValidateRoles(req.roles()));
    SPOED_ASSIGN(auto chosen, ChoosePassword("password", req.password()));
    SPOED_ASSIGN(auto hash, hasher_.Hash(chosen.first));
    return call.Write([&](db::Tx& tx) -> Result<v1::CreateUserResponse> {
        db::UserRecord u;
        u.username = req.username();
        u.display_name = req.display_name();
        u.password_hash = hash;
        u.roles = roles.ToNames();
        u.must_change_password = true;  // whoever set it, the user picks their own
        u.created_at = call.now();
        u.updated_at = call.now();
        auto id = tx.users().Insert(u);
        if (!id) return Error::AlreadyExists("username: already taken");
        u.id = *id;
        call.audit().object_ids.push_back(ObjectId("user", u.id));
        v1::CreateUserResponse resp;
        ToProto(u, resp.mutable_user());
        if (chosen.second) resp.set_one_time_password(chosen.first);
        return resp;
    });
}

Result<v1::ListUsersResponse> AdminService::ListUsers(Call& call, const v1::ListUsersRequest& req) {
    SPOED_ASSIGN(auto users, call.Read([&](db::Tx& tx) -> Result<std::vector<db::UserRecord>> {
        return tx.users().List(req.include_disabled());
    }));
    v1::ListUsersResponse resp;
    for (const auto& u : users) ToProto(u, resp.add_users());
    return resp;
}

Result<v1::SetRolesResponse> AdminService::SetRoles(Call& call, const v1::SetRolesRequest& req) {
    SPOED_ASSIGN(RoleSet roles, ValidateRoles(req.roles()));
    call.audit().object_ids.push_back(ObjectId("user", req.user_id()));
    // Four eyes: an admin who could give itself a care role could read every case and plan.
    if (call.actor() && call.actor()->user_id == req.user_id()) {
        return Error::PermissionDenied("user_id: nobody changes their own roles; another admin does")
            .Because("four_eyes");
    }
    return call.Write([&](db::Tx& tx) -> Result<v1::SetRolesResponse> {
        SPOED_ASSIGN(auto u, FindUser(tx, req.user_id()));
        if (!roles.Has(v1::ROLE_ADMIN) && RoleSet::FromNames(u.roles).Has(v1::ROLE_ADMIN) && !u.disabled &&
            !OtherActiveAdminExists(tx, u.id)) {
            return Error::FailedPrecondition("roles: this is the last active admin; make another admin first");
        }
        tx.users().SetRoles(u.id, roles.ToNames(), call.now());
        tx.sessions().EndAllForUser(u.id, call.now(), "roles changed");
        u.roles = roles.ToNames();
        v1::SetRolesResponse resp;
        ToProto(u, resp.mutable_user());
        return resp;
    });
}

Result<v1::DisableUserResponse> AdminService::DisableUser(Call& call, const v1::DisableUserRequest& req) {
    call.audit().object_ids.push_back(ObjectId("user", req.user_id()));
    return call.Write([&](db::Tx& tx) -> Result<v1::DisableUserResponse> {
        SPOED_ASSIGN(auto u, FindUser(tx, req.user_id()));
        if (RoleSet::FromNames(u.roles).Has(v1::ROLE_ADMIN) && !u.disabled && !OtherActiveAdminExists(tx, u.id)) {
            return Error::FailedPrecondition("user_id: this is the last active admin; make another admin first");
        }
        tx.users().SetDisabled(u.id, true, call.now());
        tx.sessions().EndAllForUser(u.id, call.now(), "account disabled");
        u.disabled = true;
        v1::DisableUserResponse resp;
        ToProto(u, resp.mutable_user());
        return resp;
    });
}

Result<v1::ResetPasswordResponse> AdminService::ResetPassword(Call& call, const v1::ResetPasswordRequest& req) {
    call.audit().object_ids.push_back(ObjectId("user", req.user_id()));
    if (req.user_id() <= 0) return Error::InvalidArgument("user_id: required").Because("required");
    SPOED_ASSIGN(auto chosen, ChoosePassword("new_password", req.new_password()));
    SPOED_ASSIGN(auto hash, hasher_.Hash(chosen.first));
    return call.Write([&](db::Tx& tx) -> Result<v1::ResetPasswordResponse> {
        SPOED_ASSIGN(auto u, FindUser(tx, req.user_id()));
        tx.users().SetPassword(u.id, hash, true, call.now());
        tx.sessions().EndAllForUser(u.id, call.now(), "password reset");
        u.must_change_password = true;
        v1::ResetPasswordResponse resp;
        ToProto(u, resp.mutable_user());
        if (chosen.second) resp.set_one_time_password(chosen.first);
        return resp;
    });
}

Result<v1::ListAuditEventsResponse> AdminService::ListAuditEvents(Call& call, const v1::ListAuditEventsRequest& req) {
    db::AuditFilter f;
    if (req.user_id() < 0) return Error::InvalidArgument("user_id: must not be negative");
    if (req.youth_id() < 0) return Error::InvalidArgument("youth_id: must not be negative");
    f.user_id = req.user_id();
    f.youth_id = req.youth_id();
    if (req.has_since()) {
        SPOED_ASSIGN(f.since, CheckTimestamp("since", req.since()));
    }
    if (req.has_until()) {
        SPOED_ASSIGN(f.until, CheckTimestamp("until", req.until()));
    }
    if (f.since && f.until && *f.until <= *f.since) return Error::InvalidArgument("until: must be after since");
    if (req.page_size() < 0 || req.page_size() > 1000) return Error::InvalidArgument("page_size: must be 1 to 1000");
    f.limit = req.page_size() == 0 ? 100 : req.page_size();
    if (!req.page_token().empty()) {
        const std::string& t = req.page_token();
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), f.before_seq);
        if (ec != std::errc() || ptr != t.data() + t.size() || f.before_seq <= 0) {
            return Error::InvalidArgument("page_token: not a token from a previous answer");
        }
    }
    if (f.youth_id != 0) call.audit().youth_id = f.youth_id;
    // One more than asked tells whether another page follows.
    ++f.limit;
    SPOED_ASSIGN(auto rows,
                 call.Read([&](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> { return tx.audit().List(f); }));
    v1::ListAuditEventsResponse resp;
    std::size_t n = std::min(rows.size(), static_cast<std::size_t>(f.limit - 1));
    for (std::size_t i = 0; i < n; ++i) ToProto(rows[i], resp.add_events());
    if (rows.size() > n) resp.set_next_page_token(std::to_string(rows[n - 1].seq));
    return resp;
}

void ToProto(const db::AuditRecord& r, v1::AuditEvent* e) {
    e->set_seq(r.seq);
    SetTimestamp(e->mutable_at(), r.at);
    e->set_user_id(r.user_id);
    e->set_username(r.username);
    for (Role role : RoleSet::FromNames(SplitList(r.roles)).ToVector()) e->add_roles(role);
    e->set_service(r.service);
    e->set_method(r.method);
    e->set_action(r.action);
    for (auto& id : SplitList(r.object_ids)) e->add_object_ids(std::move(id));
    e->set_youth_id(r.youth_id);
    e->set_client_address(r.client_address);
    e->set_result(r.result);
    e->set_reason(r.reason);
}

Result<std::int64_t> AdminService::CreateFirstAdmin(Call& call, std::string_view username, std::string_view password) {
    SPOED_TRY(ValidateUsername(username));
    SPOED_TRY(ValidateNewPassword("password", password));
    SPOED_ASSIGN(auto hash, hasher_.Hash(password));
    return call.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        if (tx.users().Count() > 0) return Error::FailedPrecondition("the database already has users");
        db::UserRecord u;
        u.username = std::string(username);
        u.display_name = "Administrator";
        u.password_hash = hash;
        u.roles = {"admin"};
        u.must_change_password = true;
        u.created_at = call.now();
        u.updated_at = call.now();
        auto id = tx.users().Insert(u);
        if (!id) return Error::AlreadyExists("username: already taken");
        call.audit().object_ids.push_back(ObjectId("user", *id));
        call.audit().username_attempted = "spoedctl-init";
        return *id;
    });
}

}  // namespace spoed::daemon::service
