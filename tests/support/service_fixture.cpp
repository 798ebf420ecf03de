#include "tests/support/service_fixture.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/bits.hpp"
#include "daemon/service/totp.hpp"
#include "db/pg_store.hpp"
#include "db/sqlite.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/common.pb.h"
#include "tests/support/pg_server.hpp"
#include "tests/support/process.hpp"

namespace spoed::test {

std::unique_ptr<db::Store> OpenTestStore(const TempDir& dir) {
    if (TestsUsePostgres()) return db::PgStore::Open({.dsn = NewTestDatabase(), .connections = 4});
    return db::SqliteStore::Open({.path = dir.file("spoed.db")});
}

void UseTestStore(daemon::DaemonConfig& config) {
    if (!TestsUsePostgres()) return;
    config.store = "postgresql";
    config.postgresql_dsn = NewTestDatabase();
    config.postgresql_connections = 4;
}

namespace {

/// On PostgreSQL the services run as several daemons on one database would.
daemon::api::ServiceOptions Shared(daemon::api::ServiceOptions options) {
    options.shared_store = TestsUsePostgres();
    return options;
}

}  // namespace

TimePoint TestStart() {
    using namespace std::chrono;
    return time_point_cast<microseconds>(sys_days{year{2026} / November / 23} + hours{20});
}

ServiceFixture::ServiceFixture() : ServiceFixture(daemon::api::ServiceOptions::ForTests()) {}

ServiceFixture::ServiceFixture(daemon::api::ServiceOptions options)
    : store(OpenTestStore(dir)),
      set_(std::make_unique<daemon::api::ServiceSet>(*store, clock, Shared(std::move(options)))),
      totp_key(set_->options.second_factor.key),
      hasher(set_->hasher),
      auth(set_->auth),
      admin(set_->admin),
      calendar(set_->calendar),
      youth(set_->youth),
      events(set_->events),
      plan(set_->plan),
      planner(set_->planner),
      cases(set_->cases),
      consult(set_->consult),
      meldcode(set_->meldcode),
      shift(set_->shift),
      handover(set_->handover),
      directory(set_->directory),
      evaluation(set_->evaluation),
      stats(set_->stats),
      record(set_->record),
      router(&set_->router) {}

ServiceFixture::~ServiceFixture() = default;

std::int64_t InsertUser(db::Store& store, daemon::service::PasswordHasher& hasher, TimePoint now,
                        const std::string& username, const std::vector<std::string>& roles, bool must_change_password) {
    auto hash = hasher.Hash(kTestPassword);
    EXPECT_TRUE(hash.ok());
    auto id = store.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::UserRecord u;
        u.username = username;
        u.display_name = "Test " + username + " (fictional)";
        u.password_hash = *hash;
        u.roles = roles;
        u.must_change_password = must_change_password;
        u.created_at = now;
        u.updated_at = now;
        auto inserted = tx.users().Insert(u);
        if (!inserted) return Error::AlreadyExists("taken");
        return *inserted;
    });
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
}

std::int64_t ServiceFixture::CreateUser(const std::string& username, const std::vector<std::string>& roles,
                                        bool must_change_password, bool enroll_totp) {
    std::int64_t id = InsertUser(*store, hasher, clock.Now(), username, roles, must_change_password);
    bool needs = false;
    for (const auto& r : roles) needs = needs || r == "psychiatrist" || r == "admin";
    if (needs && enroll_totp) {
        std::string token = Login(username);
        EnrollTotp(username, token);
        EXPECT_EQ(Post(v1::rpc::AuthService::Logout, "{}", token).status, 200);
    }
    return id;
}

std::string ServiceFixture::EnrollTotp(const std::string& username, const std::string& token) {
    auto begin = Post(v1::rpc::AuthService::BeginTotpEnrollment, "{}", token);
    EXPECT_EQ(begin.status, 200) << begin.body;
    v1::BeginTotpEnrollmentResponse b;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(begin.body, &b).ok()) << begin.body;
    auto secret = daemon::service::Base32Decode(b.secret());
    EXPECT_TRUE(secret.has_value());
    totp.Add(username, secret.value_or(""));
    auto confirm = Post(v1::rpc::AuthService::ConfirmTotpEnrollment,
                        R"({"code":")" + totp.Next(username, clock.Now()) + R"("})", token);
    EXPECT_EQ(confirm.status, 200) << confirm.body;
    return secret.value_or("");
}

std::string ServiceFixture::Login(const std::string& username, const std::string& password) {
    std::string code;
    if (totp.Has(username)) code = R"(,"totpCode":")" + totp.Next(username, clock.Now()) + R"(")";
    auto r = Post(v1::rpc::AuthService::Login,
                  R"({"username":")" + username + R"(","password":")" + password + R"(")" + code + "}");
    EXPECT_EQ(r.status, 200) << r.body;
    v1::LoginResponse resp;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.body, &resp).ok());
    return resp.token();
}

daemon::net::HttpResponse ServiceFixture::Post(std::string_view method, const std::string& json,
                                               const std::string& token, const std::string& content_type) {
    daemon::net::HttpRequest req;
    req.method = "POST";
    req.target = "/" + std::string(method);
    req.headers.emplace_back("content-type", content_type);
    if (!token.empty()) req.headers.emplace_back("authorization", "Bearer " + token);
    req.body = json;
    req.remote_address = remote_address;
    return router->Handle(req);
}

std::vector<db::AuditRecord> ServiceFixture::Audit(int limit) {
    auto rows = store->Read([&](db::Tx& tx) -> Result<std::vector<db::AuditRecord>> {
        db::AuditFilter f;
        f.limit = limit;
        return tx.audit().List(f);
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<db::AuditRecord>{};
}

void TotpCodes::Add(const std::string& username, std::string secret, std::int64_t last_step) {
    secrets_[username] = std::move(secret);
    last_step_[username] = last_step;
}

std::string TotpCodes::Next(const std::string& username, TimePoint now) {
    std::int64_t current = daemon::service::TotpStep(now);
    std::int64_t step = std::max(current - 1, last_step_[username] + 1);
    EXPECT_LE(step, current + 1) << username << ": every code of this moment was used; move the clock on";
    last_step_[username] = step;
    return daemon::service::TotpCode(secrets_.at(username), step);
}

std::string EnrollTotpInStore(db::Store& store, const std::string& key_file, std::int64_t user_id, TimePoint now) {
    std::ifstream in(key_file);
    std::stringstream ss;
    ss << in.rdbuf();
    auto key = FromHex(ss.str().substr(0, 64));
    EXPECT_TRUE(key.has_value()) << key_file;
    daemon::service::SecretBox box(key.value_or(""));
    std::string secret = daemon::service::NewTotpSecret();
    std::string sealed = box.Seal(secret, "totp:user:" + std::to_string(user_id));
    Status st = store.Write([&](db::Tx& tx) -> Status {
        tx.totp().PutPending(user_id, sealed, now);
        tx.totp().Confirm(user_id, 0, now);
        return Ok();
    });
    EXPECT_TRUE(st.ok());
    return secret;
}

std::string ErrorCodeOf(const daemon::net::HttpResponse& r) {
    v1::ConnectError e;
    google::protobuf::util::JsonParseOptions o;
    o.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(r.body, &e, o).ok()) return "";
    return e.code();
}

std::string ErrorMessageOf(const daemon::net::HttpResponse& r) {
    v1::ConnectError e;
    google::protobuf::util::JsonParseOptions o;
    o.ignore_unknown_fields = true;
    if (!google::protobuf::util::JsonStringToMessage(r.body, &e, o).ok()) return "";
    return e.message();
}

void FillStorage(db::SqliteStore& store, const std::string& db_path, TimePoint now, std::int64_t spare_pages) {
    std::int64_t pages = 0;
    {
        db::Connection c(db_path, db::Connection::Mode::kReadOnly);
        pages = c.QueryInt("PRAGMA page_count");
    }
    store.SetMaxPages(pages + 64 + spare_pages);  // 64: SqliteOptions::reserve_pages by default
    for (std::size_t size : {3000u, 300u, 30u}) {
        for (int i = 0; i < 100'000; ++i) {
            Status st = store.Write([&](db::Tx& tx) -> Status {
                db::AuditRecord r;
                r.at = now;
                r.service = "test";
                r.method = "Fill";
                r.reason = std::string(size, 'x');
                tx.audit().Append(std::move(r));
                return Ok();
            });
            if (!st.ok()) break;
        }
    }
}

DemoLoad LoadDemoAsAdmin(const std::string& spoedctl, const std::string& ctl) {
    DemoLoad out;
    auto login = RunCommand("echo '" + std::string(kTestPassword) + "' | " + ctl + " login beheer 2>&1");
    out.login_out = login.out;
    EXPECT_EQ(login.status, 0) << login.out;
    if (login.status != 0) return out;
    auto enroll = RunCommand(ctl + " totp enroll 2>&1");
    auto at = enroll.out.find("secret: ");
    EXPECT_TRUE(enroll.status == 0 && at != std::string::npos) << enroll.out;
    if (enroll.status != 0 || at == std::string::npos) return out;
    std::string secret = enroll.out.substr(at + 8, enroll.out.find('\n', at) - at - 8);
    auto confirm = RunCommand(ctl + " totp confirm $(" + spoedctl + " totp code " + secret + ") 2>&1");
    EXPECT_EQ(confirm.status, 0) << confirm.out;
    if (confirm.status != 0) return out;
    auto demo = RunCommand(ctl + " demo load 2>&1");
    out.demo_out = demo.out;
    EXPECT_EQ(demo.status, 0) << demo.out;
    out.ok = demo.status == 0;
    return out;
}

}  // namespace spoed::test
