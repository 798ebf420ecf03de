// spoedctl user add|list|roles|disable|reset-password|reset-totp, login-lock list|lift, and
// audit list (spoedd audit verify checks the chain offline).
#include <google/protobuf/util/time_util.h>

#include <cstdio>
#include <filesystem>

#include "client/cli/cli.hpp"
#include "spoed/v1/admin.pb.h"

namespace spoed::cli {
namespace {

using google::protobuf::util::TimeUtil;

/// "crisis_worker" → ROLE_CRISIS_WORKER.
bool ParseRole(const std::string& name, v1::Role& out) {
    std::string upper = "ROLE_";
    for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return v1::Role_Parse(upper, &out) && out != v1::ROLE_UNSPECIFIED;
}

std::string RoleNames(const google::protobuf::RepeatedField<int>& roles) {
    std::string out;
    for (int r : roles) {
        std::string n = v1::Role_Name(static_cast<v1::Role>(r)).substr(5);
        for (auto& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out += (out.empty() ? "" : ",") + n;
    }
    return out;
}

int Usage(const char* text) {
    std::fprintf(stderr, "spoedctl: usage: spoedctl %s\n", text);
    return 2;
}

bool CollectRoles(Context& ctx, google::protobuf::RepeatedField<int>* out) {
    for (const auto& name : ctx.args().GetAll("role")) {
        v1::Role r;
        if (!ParseRole(name, r)) {
            std::fprintf(
                stderr,
                "spoedctl: unknown role '%s' (crisis_worker, psychiatrist, coordinator, admin, meldcode_officer)\n",
                name.c_str());
            return false;
        }
        out->Add(r);
    }
    return true;
}

/// A user named by id or username.
Result<std::int64_t> ResolveUser(Context& ctx, const std::string& who) {
    if (!who.empty() && std::all_of(who.begin(), who.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return std::stoll(who);
    }
    v1::ListUsersRequest req;
    req.set_include_disabled(true);
    SPOED_ASSIGN(auto users, ctx.client().Call(v1::rpc::AdminService::ListUsers, req));
    for (const auto& u : users.users()) {
        if (u.username() == who) return u.id();
    }
    return Error::NotFound("no user named '" + who + "'");
}

void PrintUser(const v1::User& u) {
    std::printf("%6lld  %-20s %-28s %-40s%s%s\n", static_cast<long long>(u.id()), u.username().c_str(),
                u.display_name().c_str(), RoleNames(u.roles()).c_str(), u.disabled() ? "  disabled" : "",
                u.must_change_password() ? "  (one-time password)" : "");
}

int UserAdd(Context& ctx) {
    if (ctx.args().positional.size() != 1) return Usage("user add NAME --name DISPLAY --role ROLE [--role ROLE]");
    v1::CreateUserRequest req;
    req.set_username(ctx.args().positional[0]);
    req.set_display_name(ctx.args().Get("name").value_or(""));
    if (!CollectRoles(ctx, req.mutable_roles())) return 2;
    auto resp = ctx.client().Call(v1::rpc::AdminService::CreateUser, req);
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    PrintUser(resp->user());
    if (!resp->one_time_password().empty()) {
        std::printf("one-time password: %s\n(hand it over in person; it must be changed at first login)\n",
                    resp->one_time_password().c_str());
    }
    return 0;
}

int UserList(Context& ctx) {
    v1::ListUsersRequest req;
    req.set_include_disabled(ctx.args().Has("all"));
    auto resp = ctx.client().Call(v1::rpc::AdminService::ListUsers, req);
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    for (const auto& u : resp->users()) PrintUser(u);
    return 0;
}

int UserRoles(Context& ctx) {
    if (ctx.args().positional.size() != 1) return Usage("user roles NAME|ID --role ROLE [--role ROLE]");
    auto id = ResolveUser(ctx, ctx.args().positional[0]);
    if (!id.ok()) return PrintError(id.error());
    v1::SetRolesRequest req;
    req.set_user_id(*id);
    if (!CollectRoles(ctx, req.mutable_roles())) return 2;
    auto resp = ctx.client().Call(v1::rpc::AdminService::SetRoles, req);
    if (!resp.ok()) return PrintError(resp.error());
    PrintUser(resp->user());
    return 0;
}

int UserDisable(Context& ctx) {
    if (ctx.args().positional.size() != 1) return Usage("user disable NAME|ID");
    auto id = ResolveUser(ctx, ctx.args().positional[0]);
    if (!id.ok()) return PrintError(id.error());
    v1::DisableUserRequest req;
    req.set_user_id(*id);
    auto resp = ctx.client().Call(v1::rpc::AdminService::DisableUser, req);
    if (!resp.ok()) return PrintError(resp.error());
    PrintUser(resp->user());
    return 0;
}

int UserResetPassword(Context& ctx) {
    if (ctx.args().positional.size() != 1) return Usage("user reset-password NAME|ID");
    auto id = ResolveUser(ctx, ctx.args().positional[0]);
    if (!id.ok()) return PrintError(id.error());
    v1::ResetPasswordRequest req;
    req.set_user_id(*id);
    auto resp = ctx.client().Call(v1::rpc::AdminService::ResetPassword, req);
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    PrintUser(resp->user());
    std::printf("one-time password: %s\n", resp->one_time_password().c_str());
    return 0;
}

int AuditList(Context& ctx) {
    v1::ListAuditEventsRequest req;
    const auto& a = ctx.args();
    if (auto u = a.Get("user")) {
        auto id = ResolveUser(ctx, *u);
        if (!id.ok()) return PrintError(id.error());
        req.set_user_id(*id);
    }
    try {
        if (auto y = a.Get("youth")) req.set_youth_id(std::stoll(*y));
        if (auto n = a.Get("limit")) req.set_page_size(std::stoi(*n));
    } catch (const std::exception&) {
        std::fputs("spoedctl: --youth and --limit take numbers\n", stderr);
        return 2;
    }
    for (const char* flag : {"since", "until"}) {
        if (auto t = a.Get(flag)) {
            google::protobuf::Timestamp ts;
            if (!TimeUtil::FromString(*t, &ts)) {
                std::fprintf(stderr, "spoedctl: --%s takes an RFC 3339 time such as 2026-11-23T18:00:00Z\n", flag);
                return 2;
            }
            *(std::string(flag) == "since" ? req.mutable_since() : req.mutable_until()) = ts;
        }
    }
    if (auto p = a.Get("page")) req.set_page_token(*p);
    auto resp = ctx.client().Call(v1::rpc::AdminService::ListAuditEvents, req);
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    for (const auto& e : resp->events()) {
        std::string objects;
        for (const auto& o : e.object_ids()) objects += (objects.empty() ? "" : ",") + o;
        std::printf("%8lld %s %-14s %-32s %-8s %-18s %s%s\n", static_cast<long long>(e.seq()),
                    TimeUtil::ToString(e.at()).c_str(), e.username().empty() ? "-" : e.username().c_str(),
                    (e.service().substr(e.service().rfind('.') + 1) + "/" + e.method()).c_str(), e.action().c_str(),
                    e.result().c_str(), objects.c_str(),
                    e.youth_id() != 0 ? (" youth:" + std::to_string(e.youth_id())).c_str() : "");
    }
    if (!resp->next_page_token().empty()) std::printf("more: --page %s\n", resp->next_page_token().c_str());
    return 0;
}

int UserResetTotp(Context& ctx) {
    if (ctx.args().positional.size() != 1) return Usage("user reset-totp NAME|ID");
    auto id = ResolveUser(ctx, ctx.args().positional[0]);
    if (!id.ok()) return PrintError(id.error());
    v1::ResetTotpRequest req;
    req.set_user_id(*id);
    auto resp = ctx.client().Call(v1::rpc::AdminService::ResetTotp, req);
    if (!resp.ok()) return PrintError(resp.error());
    PrintUser(resp->user());
    std::puts("second factor removed and sessions ended; the user enrols again at the next login");
    return 0;
}

int LoginLockList(Context& ctx) {
    auto resp = ctx.client().Call(v1::rpc::AdminService::ListLoginLocks, v1::ListLoginLocksRequest());
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    if (resp->locks().empty()) std::puts("no failed logins recorded");
    for (const auto& l : resp->locks()) {
        std::printf("%-8s %-32s %3d failures, last %s%s\n", l.kind().c_str(), l.key().c_str(), l.failures(),
                    TimeUtil::ToString(l.last_failure_at()).c_str(),
                    l.has_locked_until() ? ("  locked until " + TimeUtil::ToString(l.locked_until())).c_str() : "");
    }
    return 0;
}

int LoginLockLift(Context& ctx) {
    const auto& p = ctx.args().positional;
    if (p.size() != 2 || (p[0] != "account" && p[0] != "address" && p[0] != "device")) {
        return Usage("login-lock lift account NAME | login-lock lift address ADDRESS | login-lock lift device ID");
    }
    v1::LiftLoginLockRequest req;
    req.set_kind(p[0]);
    req.set_key(p[1]);
    auto resp = ctx.client().Call(v1::rpc::AdminService::LiftLoginLock, req);
    if (!resp.ok()) return PrintError(resp.error());
    std::printf("%s %s: %s\n", p[0].c_str(), p[1].c_str(), resp->lifted() ? "lifted" : "no failed logins recorded");
    return 0;
}

}  // namespace

std::vector<Command> AdminCommands() {
    return {
        {"user add", "user add NAME --name DISPLAY --role ROLE [--role ROLE]", "create a user (one-time password)",
         UserAdd},
        {"user list", "user list [--all]", "list users (--all: with disabled ones)", UserList},
        {"user roles", "user roles NAME|ID --role ROLE [--role ROLE]", "replace a user's roles", UserRoles},
        {"user disable", "user disable NAME|ID", "disable an account and end its sessions", UserDisable},
        {"user reset-password", "user reset-password NAME|ID", "give a user a new one-time password",
         UserResetPassword},
        {"audit list", "audit list [--user U] [--youth ID] [--since T] [--until T] [--limit N] [--page TOKEN]",
         "read the access log, newest first", AuditList},
        {"user reset-totp", "user reset-totp NAME|ID", "remove a user's second factor (lost phone)", UserResetTotp},
        {"login-lock list", "login-lock list", "accounts, addresses and devices slowed down after failed logins",
         LoginLockList},
        {"login-lock lift", "login-lock lift account NAME | address ADDR | device ID", "lift a login slow-down",
         LoginLockLift},
    };
}

}  // namespace spoed::cli
