// Live events end to end: the real daemon (fake clock), real TLS, real WebSocket clients
// (client/core EventStream) for a worker, the psychiatrist and a coordinator.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "client/core/client.hpp"
#include "client/core/event_stream.hpp"
#include "daemon/daemon.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/handover.pb.h"
#include "tests/support/pg_server.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using namespace std::chrono_literals;
using client::EventStream;

/// What one client's stream received, for the test thread to wait on.
class Inbox {
  public:
    void Add(const v1::Event& e) {
        {
            std::lock_guard lock(mu_);
            events_.push_back(e);
        }
        cv_.notify_all();
    }
    void State(EventStream::State s) {
        {
            std::lock_guard lock(mu_);
            states_.push_back(s);
        }
        cv_.notify_all();
    }
    /// Waits until an event of `kind` has arrived; returns it, or nullopt after `timeout`.
    std::optional<v1::Event> WaitFor(v1::EventKind kind, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(mu_);
        std::optional<v1::Event> found;
        cv_.wait_for(lock, timeout, [&] {
            for (const auto& e : events_) {
                if (e.kind() == kind) {
                    found = e;
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    bool WaitForState(EventStream::State s, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, timeout,
                            [&] { return std::find(states_.begin(), states_.end(), s) != states_.end(); });
    }
    std::vector<v1::Event> events() {
        std::lock_guard lock(mu_);
        return events_;
    }
    int Count(EventStream::State s) {
        std::lock_guard lock(mu_);
        return static_cast<int>(std::count(states_.begin(), states_.end(), s));
    }

  private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<v1::Event> events_;
    std::vector<EventStream::State> states_;
};

class EventsTest : public ::testing::Test {
  protected:
    EventsTest() {
        config_.data_dir = dir_.file("data");
        config_.listen_port = 0;
        config_.event_check_interval = 50ms;
        config_.websocket_idle = 2s;
        config_.shutdown_grace = 2s;
        test::UseTestStore(config_);
        StartDaemon();
        daemon::service::PasswordHasher hasher;
        test::InsertUser(daemon_->store(), hasher, clock_.Now(), "anna", {"crisis_worker"});
        test::InsertUser(daemon_->store(), hasher, clock_.Now(), "carla", {"coordinator"});
        // Psychiatrists and admins log in with a second factor.
        for (auto [name, role] : {std::pair{"pieter", "psychiatrist"}, std::pair{"beheer", "admin"}}) {
            auto id = test::InsertUser(daemon_->store(), hasher, clock_.Now(), name, {role});
            totp_.Add(name, test::EnrollTotpInStore(daemon_->store(), config_.TotpKeyPath(), id, clock_.Now()));
        }
    }

    void StartDaemon() {
        daemon_ = std::make_unique<daemon::Daemon>(config_, clock_);
        daemon_->Start();
    }
    void RestartDaemon() {
        daemon_->Stop();
        daemon_.reset();
        StartDaemon();
    }

    client::ClientOptions Options(const daemon::Daemon* at = nullptr) const {
        client::ClientOptions o;
        o.server_url = "https://localhost:" + std::to_string((at != nullptr ? at : daemon_.get())->port());
        o.ca_file = daemon_->dev_ca_file();
        o.timeout = 5s;
        return o;
    }

    /// A signed-in API client.
    std::unique_ptr<client::Client> As(const std::string& user) {
        auto c = std::make_unique<client::Client>(Options());
        v1::LoginRequest req;
        req.set_username(user);
        req.set_password(test::kTestPassword);
        if (totp_.Has(user)) req.set_totp_code(totp_.Next(user, clock_.Now()));
        auto r = c->Call(v1::rpc::AuthService::Login, req);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        if (r.ok()) c->SetToken(r->token());
        return c;
    }

    std::unique_ptr<EventStream> Stream(const client::Client& who, Inbox& inbox, std::int64_t after = -1,
                                        const daemon::Daemon* at = nullptr) {
        EventStream::Options o;
        o.client = Options(at);
        o.token = who.token();
        o.after = after;
        o.idle_timeout = 2s;
        o.reconnect_backoff = 100ms;
        auto s = std::make_unique<EventStream>(
            o, [&inbox](const v1::Event& e) { inbox.Add(e); },
            [&inbox](EventStream::State st, const std::string&) { inbox.State(st); });
        s->Start();
        EXPECT_TRUE(inbox.WaitForState(EventStream::State::kConnected));
        return s;
    }

    std::int64_t OpenCase(client::Client& worker) {
        v1::OpenCaseRequest req;
        req.set_caller_description("vader van een jongen van 14 (fictief)");
        auto r = worker.Call(v1::rpc::CaseService::OpenCase, req);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->case_().id() : 0;
    }

    std::int64_t RequestConsult(client::Client& worker, std::int64_t case_id) {
        v1::RequestConsultRequest req;
        req.set_case_id(case_id);
        req.set_question("Medicatie: is opschalen vannacht nodig? (fictief)");
        req.set_urgency(v1::URGENCY_URGENT);
        auto r = worker.Call(v1::rpc::ConsultService::RequestConsult, req);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->consult().id() : 0;
    }

    v1::Handover CreateHandover(client::Client& worker, std::int64_t case_id) {
        v1::CreateHandoverRequest req;
        req.set_case_id(case_id);
        req.set_kind(v1::HANDOVER_KIND_ONGOING_CARE);
        req.mutable_recipient()->set_name("Jeugd-GGZ Noord (fictief)");
        req.set_legal_ground("meldcode: melding bij Veilig Thuis gedaan (fictief)");
        auto r = worker.Call(v1::rpc::HandoverService::CreateHandover, req);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->handover() : v1::Handover();
    }

    void Escalate(client::Client& who, std::int64_t handover_id) {
        v1::EscalateRequest req;
        req.set_handover_id(handover_id);
        req.set_reason("ontvanger niet bereikbaar (fictief)");
        auto r = who.Call(v1::rpc::HandoverService::Escalate, req);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    }

    test::TempDir dir_;
    FakeClock clock_{test::TestStart()};  // Monday 23 November 2026, 21:00 in Groningen
    daemon::DaemonConfig config_;
    std::unique_ptr<daemon::Daemon> daemon_;
    test::TotpCodes totp_;
};

TEST_F(EventsTest, AnEventCommittedThroughOneDaemonReachesASubscriberOfAnother) {
    // Two spoedd serve one PostgreSQL database (docs/high-availability.md): a worker's desk is
    // subscribed to B while the case is opened through A. SQLite allows one daemon per file.
    if (!test::TestsUsePostgres()) GTEST_SKIP() << "two daemons on one database need PostgreSQL";
    auto b = std::make_unique<daemon::Daemon>(config_, clock_);
    b->Start();
    auto anna = As("anna");  // signed in at A; the session is in the database, so B knows it
    Inbox inbox;
    auto stream = Stream(*anna, inbox, -1, b.get());
    std::int64_t case_id = OpenCase(*anna);
    auto opened = inbox.WaitFor(v1::EVENT_KIND_CASE_OPENED);
    ASSERT_TRUE(opened) << "B's subscriber heard of the case opened through A";
    EXPECT_EQ(opened->case_id(), case_id);
    // And a stream that resumes at B after that sequence number misses nothing after it.
    std::int64_t consult = RequestConsult(*anna, case_id);
    Inbox resumed;
    auto again = Stream(*anna, resumed, opened->seq(), b.get());
    auto asked = resumed.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED);
    ASSERT_TRUE(asked);
    EXPECT_EQ(asked->consult_id(), consult);
    stream->Stop();
    again->Stop();
    b->Stop();
}

TEST_F(EventsTest, PsychiatristHearsOfAConsultWithinASecond) {
    auto anna = As("anna");
    auto pieter = As("pieter");
    Inbox worker_inbox, psychiatrist_inbox;
    auto worker_stream = Stream(*anna, worker_inbox);
    auto psychiatrist_stream = Stream(*pieter, psychiatrist_inbox);

    std::int64_t case_id = OpenCase(*anna);
    auto opened = worker_inbox.WaitFor(v1::EVENT_KIND_CASE_OPENED);
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->case_id(), case_id);

    auto asked = std::chrono::steady_clock::now();
    std::int64_t consult_id = RequestConsult(*anna, case_id);
    auto got = psychiatrist_inbox.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED, 1s);
    ASSERT_TRUE(got) << "the psychiatrist's client did not receive the consult within a second";
    auto latency = std::chrono::steady_clock::now() - asked;
    EXPECT_EQ(got->consult_id(), consult_id);
    EXPECT_EQ(got->case_id(), case_id);
    EXPECT_GT(got->seq(), opened->seq());
    RecordProperty("consult_event_latency_us",
                   static_cast<int>(std::chrono::duration_cast<std::chrono::microseconds>(latency).count()));
    // The worker of the shift hears of it too; the psychiatrist was not told the case opened.
    EXPECT_TRUE(worker_inbox.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED));
    for (const auto& e : psychiatrist_inbox.events()) EXPECT_NE(e.kind(), v1::EVENT_KIND_CASE_OPENED);
}

TEST_F(EventsTest, EachRoleGetsItsOwnEvents) {
    auto anna = As("anna");
    auto pieter = As("pieter");
    auto carla = As("carla");
    Inbox psychiatrist_inbox, coordinator_inbox;
    auto p = Stream(*pieter, psychiatrist_inbox);
    auto c = Stream(*carla, coordinator_inbox);

    std::int64_t case_id = OpenCase(*anna);
    RequestConsult(*anna, case_id);
    auto handover = CreateHandover(*anna, case_id);
    Escalate(*anna, handover.id());

    auto escalated = coordinator_inbox.WaitFor(v1::EVENT_KIND_HANDOVER_ESCALATED);
    ASSERT_TRUE(escalated);
    EXPECT_EQ(escalated->handover_id(), handover.id());
    // Everything before the escalation was for others: the coordinator's first event is this one.
    EXPECT_EQ(coordinator_inbox.events().front().kind(), v1::EVENT_KIND_HANDOVER_ESCALATED);
    ASSERT_TRUE(psychiatrist_inbox.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED));
    for (const auto& e : psychiatrist_inbox.events()) {
        EXPECT_TRUE(e.kind() == v1::EVENT_KIND_CONSULT_REQUESTED || e.kind() == v1::EVENT_KIND_CONSULT_ANSWERED)
            << v1::EventKind_Name(e.kind());
    }
}

TEST_F(EventsTest, ADisconnectedClientCatchesUpAfterReconnecting) {
    auto anna = As("anna");
    auto pieter = As("pieter");
    std::int64_t case_id = OpenCase(*anna);

    Inbox first;
    auto stream = Stream(*pieter, first);
    std::int64_t c1 = RequestConsult(*anna, case_id);
    ASSERT_TRUE(first.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED));
    stream->Stop();
    std::int64_t last = stream->last_seq();
    EXPECT_GT(last, 0);

    // Two consults while the psychiatrist's laptop was off line.
    std::int64_t c2 = RequestConsult(*anna, case_id);
    std::int64_t c3 = RequestConsult(*anna, case_id);

    Inbox second;
    auto again = Stream(*pieter, second, last);
    ASSERT_TRUE(second.WaitFor(v1::EVENT_KIND_CONSULT_REQUESTED));
    // Wait until both have come, then check order and that nothing came twice.
    for (int i = 0; i < 50 && second.events().size() < 2; ++i) std::this_thread::sleep_for(20ms);
    auto got = second.events();
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].consult_id(), c2);
    EXPECT_EQ(got[1].consult_id(), c3);
    EXPECT_GT(got[0].seq(), last);
    EXPECT_LT(got[0].seq(), got[1].seq());
    EXPECT_NE(got[0].consult_id(), c1);
}

TEST_F(EventsTest, CoordinatorsHearOfAnOverdueHandoverOnceAcrossARestart) {
    auto anna = As("anna");
    std::int64_t case_id = OpenCase(*anna);
    auto handover = CreateHandover(*anna, case_id);
    // Monday 21:00: due Tuesday 24 November 12:00 (11:00 UTC).
    EXPECT_EQ(handover.due_at().seconds(), 1795518000);

    // Tuesday 08:00 in Groningen: the coordinator starts the day.
    clock_.Advance(11h);
    auto carla = As("carla");
    Inbox inbox;
    auto stream = Stream(*carla, inbox);
    clock_.Advance(45min);  // 08:45: the morning reminder
    auto reminder = inbox.WaitFor(v1::EVENT_KIND_HANDOVER_DUE);
    ASSERT_TRUE(reminder);
    EXPECT_EQ(reminder->handover_id(), handover.id());
    EXPECT_FALSE(inbox.WaitFor(v1::EVENT_KIND_HANDOVER_OVERDUE, 300ms));

    clock_.Advance(3h + 30min);  // 12:15: overdue
    auto overdue = inbox.WaitFor(v1::EVENT_KIND_HANDOVER_OVERDUE);
    ASSERT_TRUE(overdue);
    EXPECT_EQ(overdue->handover_id(), handover.id());
    EXPECT_EQ(overdue->due_at().seconds(), handover.due_at().seconds());
    std::this_thread::sleep_for(300ms);  // six more checks
    clock_.Advance(1h);
    std::this_thread::sleep_for(300ms);
    stream->Stop();
    std::int64_t last = stream->last_seq();

    // A restart neither repeats nor forgets: the next event the coordinator gets is the fence.
    RestartDaemon();
    carla = As("carla");
    Inbox after_restart;
    auto resumed = Stream(*carla, after_restart, last);
    std::this_thread::sleep_for(300ms);
    Escalate(*carla, handover.id());
    ASSERT_TRUE(after_restart.WaitFor(v1::EVENT_KIND_HANDOVER_ESCALATED));

    int overdue_events = 0, reminders = 0;
    for (const auto& e : inbox.events()) {
        overdue_events += e.kind() == v1::EVENT_KIND_HANDOVER_OVERDUE;
        reminders += e.kind() == v1::EVENT_KIND_HANDOVER_DUE;
    }
    for (const auto& e : after_restart.events()) {
        EXPECT_EQ(e.kind(), v1::EVENT_KIND_HANDOVER_ESCALATED) << v1::EventKind_Name(e.kind());
    }
    EXPECT_EQ(overdue_events, 1);
    EXPECT_EQ(reminders, 1);
}

TEST_F(EventsTest, AConfirmedHandoverRaisesNoAlerts) {
    auto anna = As("anna");
    std::int64_t case_id = OpenCase(*anna);
    auto handover = CreateHandover(*anna, case_id);
    Inbox inbox;
    auto stream = Stream(*anna, inbox);
    for (auto step : {v1::HANDOVER_STEP_RECEIVER_CONTACTED, v1::HANDOVER_STEP_FAMILY_CONTACTED,
                      v1::HANDOVER_STEP_AGREEMENTS_RECORDED, v1::HANDOVER_STEP_CONFIRMED}) {
        v1::RecordStepRequest req;
        req.set_handover_id(handover.id());
        req.set_step(step);
        if (step == v1::HANDOVER_STEP_AGREEMENTS_RECORDED) req.set_agreements("intake woensdag 10:00 (fictief)");
        auto r = anna->Call(v1::rpc::HandoverService::RecordStep, req);
        ASSERT_TRUE(r.ok()) << r.error().message;
    }
    auto confirmed = inbox.WaitFor(v1::EVENT_KIND_HANDOVER_CONFIRMED);
    ASSERT_TRUE(confirmed);
    EXPECT_EQ(confirmed->handover_id(), handover.id());
    clock_.Advance(20h);  // long past due
    EXPECT_FALSE(inbox.WaitFor(v1::EVENT_KIND_HANDOVER_OVERDUE, 400ms));
    EXPECT_FALSE(inbox.WaitFor(v1::EVENT_KIND_HANDOVER_DUE, 10ms));
}

TEST_F(EventsTest, StreamsAreRefusedWithoutAValidTokenOrARoleThatHasEvents) {
    Inbox bad;
    EventStream::Options o;
    o.client = Options();
    o.token = "not-a-token";
    EventStream s(
        o, [&](const v1::Event& e) { bad.Add(e); }, [&](EventStream::State st, const std::string&) { bad.State(st); });
    s.Start();
    EXPECT_TRUE(bad.WaitForState(EventStream::State::kUnauthorized));

    auto admin = As("beheer");
    Inbox admin_inbox;
    o.token = admin->token();
    EventStream a(
        o, [&](const v1::Event& e) { admin_inbox.Add(e); },
        [&](EventStream::State st, const std::string&) { admin_inbox.State(st); });
    a.Start();
    EXPECT_TRUE(admin_inbox.WaitForState(EventStream::State::kUnauthorized));
    EXPECT_EQ(daemon_->event_subscribers(), 0u);
}

TEST_F(EventsTest, ASessionThatMayOnlyEnrolItsSecondFactorGetsNoStream) {
    // A psychiatrist without a second factor yet signs in to a session that may only enrol one:
    // it sees nothing else, live events included.
    daemon::service::PasswordHasher hasher;
    test::InsertUser(daemon_->store(), hasher, clock_.Now(), "joost", {"psychiatrist"});
    auto joost = As("joost");
    ASSERT_FALSE(joost->token().empty());
    std::mutex mu;
    std::condition_variable cv;
    std::string refused;
    bool connected = false;
    EventStream::Options o;
    o.client = Options();
    o.token = joost->token();
    EventStream s(
        o, [](const v1::Event&) {},
        [&](EventStream::State st, const std::string& detail) {
            std::lock_guard lock(mu);
            if (st == EventStream::State::kConnected) connected = true;
            if (detail.find("HTTP 400") != std::string::npos) refused = detail;
            cv.notify_all();
        });
    s.Start();
    {
        std::unique_lock lock(mu);
        ASSERT_TRUE(cv.wait_for(lock, 10s, [&] { return connected || !refused.empty(); }));
        EXPECT_FALSE(connected) << "the stream opened for a session limited to enrolment";
    }
    EXPECT_EQ(daemon_->event_subscribers(), 0u);
}

TEST_F(EventsTest, LoggingOutClosesTheStream) {
    auto pieter = As("pieter");
    Inbox inbox;
    auto stream = Stream(*pieter, inbox);
    EXPECT_EQ(daemon_->event_subscribers(), 1u);
    auto r = pieter->Call(v1::rpc::AuthService::Logout, v1::LogoutRequest());
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(inbox.WaitForState(EventStream::State::kUnauthorized));
    for (int i = 0; i < 100 && daemon_->event_subscribers() > 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(daemon_->event_subscribers(), 0u);
}

TEST_F(EventsTest, PingsKeepALiveClientAndDropADeadOne) {
    auto pieter = As("pieter");
    Inbox inbox;
    auto live = Stream(*pieter, inbox);

    // A client that completes the upgrade and then never reads: it cannot answer pings.
    namespace asio = boost::asio;
    namespace beast = boost::beast;
    asio::io_context ioc;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.load_verify_file(daemon_->dev_ca_file());
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::websocket::stream<beast::ssl_stream<beast::tcp_stream>> dead(ioc, tls);
    asio::ip::tcp::resolver resolver(ioc);
    beast::get_lowest_layer(dead).connect(resolver.resolve("127.0.0.1", std::to_string(daemon_->port())));
    dead.next_layer().handshake(asio::ssl::stream_base::client);
    dead.set_option(beast::websocket::stream_base::decorator([&](beast::websocket::request_type& req) {
        req.set(beast::http::field::authorization, "Bearer " + pieter->token());
    }));
    dead.handshake("localhost", "/spoed.v1/events");
    for (int i = 0; i < 100 && daemon_->event_subscribers() < 2; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(daemon_->event_subscribers(), 2u);

    // Idle timeout 2 s: pinged after 1 s, dropped after 2 s when no pong came.
    for (int i = 0; i < 100 && daemon_->event_subscribers() > 1; ++i) std::this_thread::sleep_for(50ms);
    EXPECT_EQ(daemon_->event_subscribers(), 1u) << "the silent client was not dropped";
    // The live client answered every ping: still on its first connection.
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(inbox.Count(EventStream::State::kConnected), 1);
    EXPECT_EQ(inbox.Count(EventStream::State::kConnecting), 1);
}

TEST_F(EventsTest, StoppingTheDaemonClosesStreamsAndClientsReconnectAfterARestart) {
    auto pieter = As("pieter");
    Inbox inbox;
    auto stream = Stream(*pieter, inbox);
    RestartDaemon();  // same port? no: port 0 picks a new one, so the client keeps trying
    EXPECT_TRUE(inbox.WaitForState(EventStream::State::kConnecting));
    for (int i = 0; i < 100 && inbox.Count(EventStream::State::kConnecting) < 2; ++i) std::this_thread::sleep_for(20ms);
    EXPECT_GE(inbox.Count(EventStream::State::kConnecting), 2) << "the client did not notice the server going away";
    EXPECT_EQ(daemon_->event_subscribers(), 0u);
}

TEST_F(EventsTest, UpgradesElsewhereAndBadResumePointsAreRefused) {
    auto pieter = As("pieter");
    client::HttpsClient http(Options());
    std::vector<std::pair<std::string, std::string>> upgrade = {{"Upgrade", "websocket"},
                                                                {"Connection", "Upgrade"},
                                                                {"Sec-WebSocket-Version", "13"},
                                                                {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
                                                                {"Authorization", "Bearer " + pieter->token()}};
    auto elsewhere = http.Send("GET", "/spoed.v1/other", "", "", upgrade);
    ASSERT_TRUE(elsewhere.ok());
    EXPECT_EQ(elsewhere->status, 404);
    client::HttpsClient http2(Options());
    auto bad_after = http2.Send("GET", "/spoed.v1/events?after=yesterday", "", "", upgrade);
    ASSERT_TRUE(bad_after.ok());
    EXPECT_EQ(bad_after->status, 400);
    EXPECT_NE(bad_after->body.find("after"), std::string::npos) << bad_after->body;
}

}  // namespace
}  // namespace spoed
