#include "daemon/api/event_hub.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <vector>

#include "base/log.hpp"
#include "daemon/api/connect.hpp"
#include "daemon/service/call.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::api {
namespace {

constexpr int kBatch = 1000;
/// A client further behind than this resumes at the newest events of this many; it reloads
/// its lists on reconnecting anyway.
constexpr std::int64_t kMaxCatchUp = 10'000;
/// A roster looked up for a shift is trusted this long before it is read again.
constexpr std::chrono::seconds kRosterTtl{60};
constexpr std::uint16_t kClosePolicy = 1008;  // RFC 6455: policy violation
constexpr std::uint16_t kCloseGoingAway = 1001;

net::HttpResponse Refusal(const Error& error) {
    net::HttpResponse r = ErrorResponse(error);
    r.status = HttpStatusFor(error.code);
    return r;
}

/// `after=<n>` from the query string: -1 when absent.
Result<std::int64_t> AfterParameter(std::string_view target) {
    auto q = target.find('?');
    if (q == std::string_view::npos) return std::int64_t{-1};
    std::string_view query = target.substr(q + 1);
    std::int64_t after = -1;
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view item = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (!item.starts_with("after=")) {
            return Error::InvalidArgument("unknown query parameter: only after=<sequence number> is understood");
        }
        std::string_view v = item.substr(6);
        auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), after);
        if (ec != std::errc() || ptr != v.data() + v.size() || after < 0) {
            return Error::InvalidArgument("after: expected the sequence number of the last event received");
        }
    }
    return after;
}

}  // namespace

struct EventHub::Subscriber {
    std::shared_ptr<net::WebSocketPeer> peer;
    std::int64_t user_id = 0;
    std::int64_t session_id = 0;
    bool worker = false;
    bool psychiatrist = false;
    bool coordinator = false;
    std::int64_t cursor = 0;  // the last sequence number considered; only the hub's thread moves it
    struct Roster {
        bool on_shift = false;
        std::chrono::steady_clock::time_point read_at;
    };
    std::unordered_map<std::string, Roster> rosters;  // shift date → whether this user is on it
};

EventHub::EventHub(db::Store& store, const Clock& clock, const service::AuthService& auth,
                   const service::WorkingDayCalendar& calendar, const service::EventOutbox& outbox,
                   EventHubOptions options)
    : store_(store), clock_(clock), auth_(auth), calendar_(calendar), outbox_(outbox), options_(options) {}

EventHub::~EventHub() { Stop(); }

void EventHub::Start() {
    if (thread_.joinable()) return;
    thread_ = std::thread([this] { Run(); });
}

void EventHub::Stop() {
    std::map<std::int64_t, std::shared_ptr<Subscriber>> left;
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
        left.swap(subscribers_);
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    for (auto& [_, s] : left) {
        if (s->peer) s->peer->Close(kCloseGoingAway, "server stopping");
    }
}

void EventHub::Notify() {
    {
        std::lock_guard lock(mu_);
        dirty_ = true;
    }
    wake_.notify_one();
}

std::size_t EventHub::subscribers() const {
    std::lock_guard lock(mu_);
    return subscribers_.size();
}

void EventHub::Subscribe(const net::HttpRequest& request, const net::AnswerUpgrade& answer) {
    TimePoint now = clock_.Now();
    service::Call call(store_, now, "spoed.v1.Events", "Subscribe", "subscribe", request.remote_address);
    call.CountRefusalsIn(refusals_);
    auto refuse = [&](const Error& error) {
        (void)call.Finish(&error);
        answer(net::UpgradeAnswer::Refused(Refusal(error)));
    };

    auto after = AfterParameter(request.target);
    auto actor = auth_.Authenticate(store_, BearerToken(request.Header("authorization")), now);
    if (!actor.ok()) return refuse(actor.error());
    call.set_actor(*actor);
    if (!after.ok()) return refuse(after.error());
    if (actor->must_change_password) {
        return refuse(Error::FailedPrecondition("you are using a one-time password: change it first")
                          .Because("password_change_needed"));
    }
    if (actor->must_enroll_totp) {
        // A session that may only enrol its second factor sees nothing else, live events included.
        return refuse(Error::FailedPrecondition("your role needs a second factor: enrol one first")
                          .Because("second_factor_enrolment_needed"));
    }
    auto sub = std::make_shared<Subscriber>();
    sub->user_id = actor->user_id;
    sub->session_id = actor->session_id;
    sub->worker = actor->roles.Has(v1::ROLE_CRISIS_WORKER);
    sub->psychiatrist = actor->roles.Has(v1::ROLE_PSYCHIATRIST);
    sub->coordinator = actor->roles.Has(v1::ROLE_COORDINATOR);
    if (!sub->worker && !sub->psychiatrist && !sub->coordinator) {
        return refuse(Error::PermissionDenied("your roles (" + actor->roles.Joined() + ") receive no live events"));
    }
    auto head = store_.Read([](db::Tx& tx) -> Result<std::int64_t> { return tx.events().Head(); });
    if (!head.ok()) return refuse(head.error());
    sub->cursor = *after < 0 ? *head : std::clamp(*after, std::max<std::int64_t>(0, *head - kMaxCatchUp), *head);
    if (*after >= 0) call.audit().reason = "resume after " + std::to_string(*after);
    if (Status st = call.Finish(nullptr); !st.ok()) return answer(net::UpgradeAnswer::Refused(Refusal(st.error())));

    std::int64_t id = 0;
    {
        std::lock_guard lock(mu_);
        if (stopping_)
            return answer(net::UpgradeAnswer::Refused(Refusal(Error::Unavailable("the server is shutting down"))));
        id = next_id_++;
    }
    net::UpgradeAnswer accept;
    accept.on_open = [this, id, sub](std::shared_ptr<net::WebSocketPeer> peer) {
        sub->peer = std::move(peer);
        {
            std::lock_guard lock(mu_);
            if (stopping_) return sub->peer->Close(kCloseGoingAway, "server stopping");
            subscribers_.emplace(id, sub);
            dirty_ = true;  // a resuming client has events waiting
        }
        wake_.notify_one();
        log::Debug("events.subscribed", "event stream opened", {{"user_id", sub->user_id}});
    };
    accept.on_close = [this, id] {
        std::lock_guard lock(mu_);
        subscribers_.erase(id);
    };
    answer(std::move(accept));
}

Status EventHub::CheckHandoverAlerts() { return outbox_.WriteHandoverAlerts(store_, clock_.Now()); }

void EventHub::Run() {
    using SteadyClock = std::chrono::steady_clock;
    auto next_alerts = SteadyClock::now();
    auto next_sessions = SteadyClock::now() + options_.session_interval;
    std::unique_lock lock(mu_);
    while (!stopping_) {
        wake_.wait_until(lock, std::min(next_alerts, next_sessions), [&] { return stopping_ || dirty_; });
        if (stopping_) break;
        dirty_ = false;
        lock.unlock();
        auto t = SteadyClock::now();
        if (t >= next_alerts) {
            if (Status st = CheckHandoverAlerts(); !st.ok()) {
                log::Warn("events.alerts_failed", "could not write handover alerts; trying again later",
                          {{"code", std::string(ErrorCodeName(st.error().code))}});
            }
            next_alerts = t + options_.alert_interval;
        }
        if (t >= next_sessions) {
            CheckSessions();
            next_sessions = t + options_.session_interval;
        }
        Deliver();
        lock.lock();
    }
}

bool EventHub::Allowed(Subscriber& s, const db::EventRecord& e, const std::string& current_shift) {
    auto was_on_shift = [&](const std::string& date) {
        // Remembered for a while: a roster is read once per subscriber and shift, not per event.
        auto now = std::chrono::steady_clock::now();
        auto it = s.rosters.find(date);
        if (it == s.rosters.end() || now - it->second.read_at > kRosterTtl) {
            auto shift = store_.Read(
                [&](db::Tx& tx) -> Result<std::optional<db::ShiftRecord>> { return tx.shifts().Find(date); });
            bool on =
                shift.ok() && *shift &&
                std::find((*shift)->workers.begin(), (*shift)->workers.end(), s.user_id) != (*shift)->workers.end();
            it = s.rosters.insert_or_assign(date, Subscriber::Roster{on, now}).first;
        }
        return it->second.on_shift;
    };
    return service::MaySee(
        {.user_id = s.user_id, .worker = s.worker, .psychiatrist = s.psychiatrist, .coordinator = s.coordinator}, e,
        current_shift, was_on_shift);
}

void EventHub::Deliver() {
    std::vector<std::shared_ptr<Subscriber>> subs;
    {
        std::lock_guard lock(mu_);
        for (auto& [_, s] : subscribers_) subs.push_back(s);
    }
    if (subs.empty()) return;
    std::string current_shift = service::IsoDate(calendar_.ShiftDate(clock_.Now()));
    std::int64_t from = subs.front()->cursor;
    for (auto& s : subs) from = std::min(from, s->cursor);
    for (;;) {
        auto events = store_.Read(
            [&](db::Tx& tx) -> Result<std::vector<db::EventRecord>> { return tx.events().After(from, kBatch); });
        if (!events.ok()) {
            log::Warn("events.read_failed", "could not read the event outbox; trying again on the next event");
            return;
        }
        for (const auto& e : *events) {
            std::string frame;
            for (auto& s : subs) {
                if (e.seq <= s->cursor || !Allowed(*s, e, current_shift)) continue;
                if (frame.empty()) {
                    v1::Event ev;
                    if (!ev.ParseFromString(e.payload)) {
                        log::Error("events.unreadable", "an event in the outbox cannot be read", {{"seq", e.seq}});
                        break;
                    }
                    ev.set_seq(e.seq);
                    frame = ev.SerializeAsString();
                }
                s->peer->Send(frame);
            }
        }
        if (events->empty()) return;
        from = events->back().seq;
        for (auto& s : subs) s->cursor = std::max(s->cursor, from);
        if (static_cast<int>(events->size()) < kBatch) return;
    }
}

void EventHub::CheckSessions() {
    std::vector<std::pair<std::int64_t, std::shared_ptr<Subscriber>>> subs;
    {
        std::lock_guard lock(mu_);
        subs.assign(subscribers_.begin(), subscribers_.end());
    }
    TimePoint now = clock_.Now();
    for (auto& [id, s] : subs) {
        // Captured by name: clang before 16 cannot capture a structured binding (preset fuzz).
        auto valid = store_.Read([&, &s = s](db::Tx& tx) -> Result<bool> {
            auto session = tx.sessions().FindById(s->session_id);
            if (!session || session->ended_at || now >= session->expires_at) return false;
            auto user = tx.users().FindById(s->user_id);
            return user && !user->disabled;
        });
        if (!valid.ok() || *valid) continue;
        {
            std::lock_guard lock(mu_);
            subscribers_.erase(id);  // before the close, so no client sees it still counted
        }
        s->peer->Close(kClosePolicy, "session ended: log in again");
    }
}

}  // namespace spoed::daemon::api
