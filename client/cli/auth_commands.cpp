// spoedctl login, logout, whoami, password, session list|end, totp enroll|confirm|code.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "base/totp_code.hpp"
#include "client/cli/cli.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::cli {
namespace {

std::string RoleList(const v1::User& u) {
    std::string out;
    for (int r : u.roles()) {
        if (!out.empty()) out += ",";
        std::string name = v1::Role_Name(static_cast<v1::Role>(r));
        out += name.substr(5);  // drop "ROLE_"
    }
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

int Login(Context& ctx) {
    auto user = ctx.args().Get("user");
    if (!user && !ctx.args().positional.empty()) user = ctx.args().positional[0];
    if (!user) {
        std::fputs("spoedctl: login needs a user name (spoedctl login NAME)\n", stderr);
        return 2;
    }
    v1::LoginRequest req;
    req.set_username(*user);
    req.set_password(ctx.ReadSecret("Password: "));
    if (auto totp = ctx.args().Get("totp")) req.set_totp_code(*totp);
    auto& client = ctx.client();
    client.SetToken("");
    if (ctx.saved().username == *user && ctx.saved().server == client.options().server_url) {
        req.set_device_token(ctx.saved().device_token);
    }
    auto resp = client.Call(v1::rpc::AuthService::Login, req);
    // The account has a second factor and no code was given: ask for it on a terminal.
    if (!resp.ok() && req.totp_code().empty() && resp.error().message.rfind("totp_code:", 0) == 0 &&
        ::isatty(STDIN_FILENO) != 0) {
        req.set_totp_code(ctx.ReadSecret("Code from your authenticator app: "));
        resp = client.Call(v1::rpc::AuthService::Login, req);
    }
    if (!resp.ok()) {
        if (resp.error().message.rfind("totp_code:", 0) == 0 && req.totp_code().empty()) {
            std::fputs("spoedctl: give the code with --totp CODE\n", stderr);
        }
        return PrintError(resp.error());
    }
    auto& saved = ctx.saved();
    saved.server = client.options().server_url;
    saved.ca = client.options().ca_file;
    saved.token = resp->token();
    saved.username = resp->user().username();
    saved.device_token = resp->device_token();
    if (!ctx.Save()) return 1;
    if (ctx.json()) {
        v1::LoginResponse shown = *resp;
        shown.clear_token();  // the token stays in the 0600 file, not on screens or in logs
        shown.clear_device_token();
        PrintJson(shown);
    } else {
        std::printf("logged in as %s (%s)\n", resp->user().username().c_str(), RoleList(resp->user()).c_str());
        if (resp->user().must_change_password()) {
            std::puts("this is a one-time password: set your own with 'spoedctl password'");
        }
        if (resp->must_enroll_totp()) {
            std::puts("your role needs a second factor: set one up with 'spoedctl totp enroll'");
        }
    }
    return 0;
}

int Logout(Context& ctx) {
    auto resp = ctx.client().Call(v1::rpc::AuthService::Logout, v1::LogoutRequest());
    ctx.saved().token.clear();
    ctx.Save();
    if (!resp.ok()) return PrintError(resp.error());
    std::puts("logged out");
    return 0;
}

int WhoAmI(Context& ctx) {
    auto resp = ctx.client().Call(v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest());
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
    } else {
        std::printf("%s (%s), roles: %s, session %lld\n", resp->user().username().c_str(),
                    resp->user().display_name().c_str(), RoleList(resp->user()).c_str(),
                    static_cast<long long>(resp->session_id()));
    }
    return 0;
}

int ChangePassword(Context& ctx) {
    v1::ChangePasswordRequest req;
    req.set_current_password(ctx.ReadSecret("Current password: "));
    req.set_new_password(ctx.ReadSecret("New password (12 characters or more): "));
    auto resp = ctx.client().Call(v1::rpc::AuthService::ChangePassword, req);
    if (!resp.ok()) return PrintError(resp.error());
    std::puts("password changed");
    return 0;
}

int ListSessions(Context& ctx) {
    auto resp = ctx.client().Call(v1::rpc::AuthService::ListMySessions, v1::ListMySessionsRequest());
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    for (const auto& s : resp->sessions()) {
        std::printf("%6lld  from %-20s%s\n", static_cast<long long>(s.id()), s.client_address().c_str(),
                    s.current() ? "  (this one)" : "");
    }
    return 0;
}

int EndSession(Context& ctx) {
    if (ctx.args().positional.size() != 1) {
        std::fputs("spoedctl: session end needs a session id\n", stderr);
        return 2;
    }
    v1::EndSessionRequest req;
    try {
        req.set_session_id(std::stoll(ctx.args().positional[0]));
    } catch (const std::exception&) {
        std::fputs("spoedctl: session id must be a number\n", stderr);
        return 2;
    }
    auto resp = ctx.client().Call(v1::rpc::AuthService::EndSession, req);
    if (!resp.ok()) return PrintError(resp.error());
    std::puts("session ended");
    return 0;
}

int TotpEnroll(Context& ctx) {
    auto resp = ctx.client().Call(v1::rpc::AuthService::BeginTotpEnrollment, v1::BeginTotpEnrollmentRequest());
    if (!resp.ok()) return PrintError(resp.error());
    if (ctx.json()) {
        PrintJson(*resp);
        return 0;
    }
    std::printf(
        "Add this to your authenticator app (scan it as a QR code, or type the secret):\n  %s\n"
        "secret: %s\nthen confirm with a code it shows: spoedctl totp confirm CODE\n",
        resp->otpauth_uri().c_str(), resp->secret().c_str());
    return 0;
}

int TotpConfirm(Context& ctx) {
    if (ctx.args().positional.size() != 1) {
        std::fputs("spoedctl: usage: spoedctl totp confirm CODE\n", stderr);
        return 2;
    }
    v1::ConfirmTotpEnrollmentRequest req;
    req.set_code(ctx.args().positional[0]);
    auto resp = ctx.client().Call(v1::rpc::AuthService::ConfirmTotpEnrollment, req);
    if (!resp.ok()) return PrintError(resp.error());
    std::puts("second factor confirmed: from now on, log in with --totp CODE");
    return 0;
}

/// What an authenticator app would show now for a base32 secret (like `oathtool --totp -b`):
/// for the demo accounts and scripts. --previous gives the code of the step before.
int TotpCode(Context& ctx) {
    std::string text = ctx.args().positional.empty() ? "" : ctx.args().positional[0];
    if (text.empty()) std::getline(std::cin, text);
    auto secret = Base32Decode(text);
    if (!secret || secret->empty()) {
        std::fputs("spoedctl: totp code needs a base32 secret (argument or stdin)\n", stderr);
        return 2;
    }
    std::int64_t step = TotpStep(SystemClock().Now());
    if (ctx.args().Has("previous")) --step;
    std::printf("%s\n", spoed::TotpCode(*secret, step).c_str());
    return 0;
}

}  // namespace

std::vector<Command> AuthCommands() {
    return {
        {"login", "login NAME [--totp CODE]", "log in (password from stdin) and remember the token", Login},
        {"logout", "logout", "end this session and forget the token", Logout},
        {"whoami", "whoami", "show who the remembered token belongs to", WhoAmI},
        {"password", "password", "change your password (current, then new, from stdin)", ChangePassword},
        {"session list", "session list", "list your open sessions", ListSessions},
        {"session end", "session end ID", "end one of your sessions", EndSession},
        {"totp enroll", "totp enroll", "start your TOTP second factor: prints the otpauth URI and secret", TotpEnroll},
        {"totp confirm", "totp confirm CODE", "confirm your second factor with a code from the app", TotpConfirm},
        {"totp code", "totp code [SECRET] [--previous]", "print the current code for a base32 secret (demo, scripts)",
         TotpCode},
    };
}

}  // namespace spoed::cli
