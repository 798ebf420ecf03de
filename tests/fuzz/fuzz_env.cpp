#include "tests/fuzz/fuzz_env.hpp"

#include <google/protobuf/util/json_util.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "base/log.hpp"
#include "daemon/api/connect.hpp"
#include "daemon/api/service_set.hpp"
#include "daemon/service/totp.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/common.pb.h"
#include "tests/support/temp_dir.hpp"

namespace spoed::fuzz {
namespace {

using namespace daemon;

constexpr const char* kPassword = "fuzzing password (fictional)";
// Set-up logins come from their own address, so that the failed logins of inputs (which come
// from kInputAddress) never throttle them.
constexpr const char* kSetupAddress = "198.51.100.1";

[[noreturn]] void Die(const std::string& why) {
    std::fprintf(stderr, "fuzz env: %s\n", why.c_str());
    std::abort();
}

TimePoint Start() {
    using namespace std::chrono;
    // A Monday evening shift, as in the tests.
    return time_point_cast<microseconds>(sys_days{year{2026} / November / 23} + hours{20});
}

/// Accepts the peer the hub gets for an accepted upgrade; nothing is ever sent anywhere.
class NullPeer final : public net::WebSocketPeer {
  public:
    bool Send(std::string) override { return false; }
    void Close(std::uint16_t, std::string) override {}
    bool open() const override { return false; }
};

void ReplaceAll(std::string& s, std::string_view from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
}

}  // namespace

struct RouterEnv::Impl {
    test::TempDir dir;
    FakeClock clock{Start()};
    std::unique_ptr<db::SqliteStore> store = db::SqliteStore::Open({.path = dir.file("spoed.db")});
    // The test settings: cheap Argon2, so that inputs that log in do not cost 50 ms each.
    api::ServiceSet set{*store, clock, api::ServiceOptions::ForTests()};
    service::PasswordHasher& hasher = set.hasher;
    service::AuthService& auth = set.auth;
    api::Router& router = set.router;
    api::EventHub& hub = set.hub;

    int generation = 0;
    std::string all_token, worker_token;
    service::RoleSet all_roles, worker_roles;

    Impl() { Refresh(); }

    net::HttpResponse Post(std::string_view method, const std::string& json, const std::string& token) {
        net::HttpRequest req;
        req.method = "POST";
        req.target = "/" + std::string(method);
        req.headers.emplace_back("content-type", "application/json");
        if (!token.empty()) req.headers.emplace_back("authorization", "Bearer " + token);
        req.body = json;
        req.remote_address = kSetupAddress;
        return router.Handle(req);
    }

    std::string Login(const std::string& username, const std::string& code) {
        std::string extra = code.empty() ? "" : R"(,"totpCode":")" + code + R"(")";
        auto r = Post(v1::rpc::AuthService::Login,
                      R"({"username":")" + username + R"(","password":")" + kPassword + R"(")" + extra + "}", "");
        if (r.status != 200) Die("set-up login failed: " + r.body);
        v1::LoginResponse resp;
        if (!google::protobuf::util::JsonStringToMessage(r.body, &resp).ok()) Die("login answer unreadable");
        return resp.token();
    }

    std::string NewUser(const std::string& prefix, const std::vector<std::string>& roles) {
        std::string username = prefix + "." + std::to_string(++generation);
        auto hash = hasher.Hash(kPassword);
        if (!hash.ok()) Die("hashing failed");
        auto id = store->Write([&](db::Tx& tx) -> Result<std::int64_t> {
            db::UserRecord u;
            u.username = username;
            u.display_name = "Fuzz " + username + " (fictief)";
            u.password_hash = *hash;
            u.roles = roles;
            u.created_at = clock.Now();
            u.updated_at = clock.Now();
            auto inserted = tx.users().Insert(u);
            if (!inserted) return Error::AlreadyExists("taken");
            return *inserted;
        });
        if (!id.ok()) Die("cannot create a set-up user: " + id.error().message);
        return username;
    }

    /// A session of a new user holding every role, opened with a second factor.
    std::string SignInAll() {
        std::string username = NewUser("fuzz.all", {"crisis_worker", "psychiatrist", "coordinator", "admin"});
        std::string token = Login(username, "");
        auto begin = Post(v1::rpc::AuthService::BeginTotpEnrollment, "{}", token);
        v1::BeginTotpEnrollmentResponse b;
        if (begin.status != 200 || !google::protobuf::util::JsonStringToMessage(begin.body, &b).ok()) {
            Die("set-up enrolment failed: " + begin.body);
        }
        auto secret = service::Base32Decode(b.secret());
        if (!secret) Die("set-up enrolment secret unreadable");
        std::int64_t step = service::TotpStep(clock.Now());
        auto confirm = Post(v1::rpc::AuthService::ConfirmTotpEnrollment,
                            R"({"code":")" + service::TotpCode(*secret, step) + R"("})", token);
        if (confirm.status != 200) Die("set-up confirmation failed: " + confirm.body);
        (void)Post(v1::rpc::AuthService::Logout, "{}", token);
        return Login(username, service::TotpCode(*secret, step + 1));
    }

    /// Whether `token` still opens the session it opened at start (same roles, nothing pending).
    bool StillGood(const std::string& token, service::RoleSet roles) {
        if (token.empty()) return false;
        auto actor = auth.Authenticate(*store, token, clock.Now());
        return actor.ok() && actor->roles == roles && !actor->must_change_password && !actor->must_enroll_totp;
    }

    void Refresh() {
        if (!StillGood(all_token, all_roles)) {
            all_token = SignInAll();
            all_roles = auth.Authenticate(*store, all_token, clock.Now())->roles;
        }
        if (!StillGood(worker_token, worker_roles)) {
            worker_token = Login(NewUser("fuzz.worker", {"crisis_worker"}), "");
            worker_roles = auth.Authenticate(*store, worker_token, clock.Now())->roles;
        }
    }
};

RouterEnv& RouterEnv::Get() {
    static RouterEnv env;
    return env;
}

RouterEnv::RouterEnv() {
    // Refusals are logged at info and warn level; a run of millions of inputs would drown the
    // fuzzer's own output. Errors (a handler that threw) still show.
    log::SetMinLevel(log::Level::kError);
    api::RouteProtobufLog();
    impl_ = std::make_unique<Impl>();
}

RouterEnv::~RouterEnv() = default;

std::string RouterEnv::Expand(std::string_view bytes) {
    std::string s(bytes);
    ReplaceAll(s, "@ALL@", impl_->all_token);
    ReplaceAll(s, "@WORKER@", impl_->worker_token);
    return s;
}

void RouterEnv::Refresh() { impl_->Refresh(); }

daemon::net::HttpResponse RouterEnv::Handle(const daemon::net::HttpRequest& request, bool websocket_upgrade) {
    net::HttpResponse response;
    if (websocket_upgrade) {
        std::string_view path = request.target;
        path = path.substr(0, path.find('?'));
        if (path != "/spoed.v1/events") return response;  // daemon/net answers 404 itself
        bool answered = false;
        impl_->hub.Subscribe(request, [&](net::UpgradeAnswer answer) {
            if (answered) Die("upgrade answered twice");
            answered = true;
            if (answer.refusal) {
                response = std::move(*answer.refusal);
                return;
            }
            if (!answer.on_open || !answer.on_close) Die("accepted upgrade without open/close callbacks");
            answer.on_open(std::make_shared<NullPeer>());
            answer.on_close();
            response.status = 101;
        });
        if (!answered) Die("upgrade never answered");
    } else {
        response = impl_->router.Handle(request);
    }
    static const bool verbose = std::getenv("SPOED_FUZZ_VERBOSE") != nullptr;  // to check what a corpus reaches
    if (verbose)
        std::fprintf(stderr, "%d %s %s\n", response.status, request.target.substr(0, 80).c_str(),
                     response.body.substr(0, 120).c_str());
    if (response.status < 100 || response.status > 599) Die("invalid status " + std::to_string(response.status));
    if (response.status >= 400 && response.content_type == "application/json") {
        v1::ConnectError e;
        if (!google::protobuf::util::JsonStringToMessage(response.body, &e).ok() || e.code().empty()) {
            Die("error answer is not a Connect error: " + response.body);
        }
        // Bad input must get a named refusal; an internal error means a handler failed on it.
        if (e.code() == "internal") Die("internal error on input: " + e.message());
    }
    return response;
}

}  // namespace spoed::fuzz
