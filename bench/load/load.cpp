#include "bench/load/load.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "client/core/https_client.hpp"
#include "client/core/tls_connect.hpp"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/event.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/stats.pb.h"
#include "spoed/v1/youth.pb.h"

namespace spoed::bench::load {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using SteadyClock = std::chrono::steady_clock;
using client::detail::TlsStream;

std::int64_t NowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now().time_since_epoch()).count();
}

std::int64_t SecondsToNs(double s) { return static_cast<std::int64_t>(s * 1e9); }

// --- HTTP ----------------------------------------------------------------------------------

client::ClientOptions ClientOptionsFor(const Options& o) {
    client::ClientOptions c;
    c.server_url = o.url;
    c.ca_file = o.ca_file;
    c.timeout = std::chrono::milliseconds(15'000);
    c.max_retries = 0;  // a failure is counted, not hidden
    return c;
}

using Headers = std::vector<std::pair<std::string, std::string>>;

/// One Connect unary call in protobuf binary; a non-200 answer is an error with its body.
Status Rpc(client::HttpsClient& http, std::string_view method, const Headers& headers,
           const google::protobuf::Message& req, google::protobuf::Message* resp) {
    SPOED_ASSIGN(auto reply, http.Send("POST", "/spoed.v1." + std::string(method), "application/proto",
                                       req.SerializeAsString(), headers));
    if (reply.status != 200) {
        return Error::Internal(std::string(method) + " answered HTTP " + std::to_string(reply.status) + ": " +
                               reply.body.substr(0, 200));
    }
    if (resp && !resp->ParseFromString(reply.body)) return Error::Internal(std::string(method) + ": unreadable answer");
    return Ok();
}

Result<std::string> Login(client::HttpsClient& http, const Manifest::User& user) {
    v1::LoginRequest req;
    req.set_username(user.username);
    req.set_password(user.password);
    v1::LoginResponse resp;
    SPOED_TRY(Rpc(http, "AuthService/Login", {}, req, &resp));
    if (resp.token().empty()) return Error::Internal("Login answered no token");
    return resp.token();
}

Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

/// A prefix for idempotency keys that no earlier run on the same database used.
std::string RunPrefix() {
    unsigned char r[6];
    RAND_bytes(r, sizeof r);
    char hex[13];
    for (int i = 0; i < 6; ++i) std::snprintf(hex + 2 * i, 3, "%02x", r[i]);
    return std::string("bench-") + hex;
}

void SetTimestamp(google::protobuf::Timestamp& ts, std::chrono::system_clock::time_point t) {
    auto s = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch());
    ts.set_seconds(s.count());
}

// --- closed loop ---------------------------------------------------------------------------

/// One connection's work: `setup` once (log in), then `op` as fast as it completes.
struct Worker {
    std::function<Status()> setup;
    std::function<Status()> op;
};

struct ThreadResult {
    std::vector<std::int64_t> samples;
    std::int64_t errors = 0;
    std::string first_error;
};

/// C threads, each with its own connection, closed loop: the next request goes out when the
/// answer to the previous one is in. Samples count when the request started after the warm-up
/// and ended before the end; throughput is those samples over the measured seconds.
Result<Summary> ClosedLoop(const Options& o, const std::function<Worker(int thread)>& make) {
    int n = o.connections;
    std::vector<ThreadResult> results(n);
    std::vector<Worker> workers;
    for (int i = 0; i < n; ++i) workers.push_back(make(i));
    // Set-up (log-ins) in parallel, then everyone starts at the same time.
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<bool> setup_failed{false};
    std::string setup_error;
    std::mutex mu;
    std::int64_t start = 0, measure_from = 0, measure_to = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            if (workers[i].setup) {
                if (Status st = workers[i].setup(); !st.ok()) {
                    std::lock_guard lock(mu);
                    setup_failed = true;
                    if (setup_error.empty()) setup_error = st.error().message;
                }
            }
            ++ready;
            while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            if (setup_failed) return;
            auto& r = results[i];
            r.samples.reserve(1 << 16);
            for (;;) {
                std::int64_t t0 = NowNs();
                if (t0 >= measure_to) break;
                Status st = workers[i].op();
                std::int64_t t1 = NowNs();
                if (!st.ok()) {
                    ++r.errors;
                    if (r.first_error.empty()) r.first_error = st.error().message;
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // no hot loop on a dead server
                    continue;
                }
                if (t0 >= measure_from && t1 <= measure_to) r.samples.push_back(t1 - t0);
            }
        });
    }
    while (ready < n) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    start = NowNs();
    measure_from = start + SecondsToNs(o.warmup);
    measure_to = measure_from + SecondsToNs(o.seconds);
    go = true;
    for (auto& t : threads) t.join();
    if (setup_failed) return Error::Unavailable("set-up failed: " + setup_error);

    Summary s;
    std::vector<std::int64_t> all;
    for (auto& r : results) {
        all.insert(all.end(), r.samples.begin(), r.samples.end());
        s.errors += r.errors;
        if (s.first_error.empty()) s.first_error = r.first_error;
    }
    Summarise(std::move(all), s);
    s.per_s = static_cast<double>(s.count) / o.seconds;
    return s;
}

template <typename T>
const T& Pick(const std::vector<T>& v, std::size_t& cursor) {
    const T& x = v[cursor % v.size()];
    ++cursor;
    return x;
}

/// A request scenario: one login per connection (each desk has its own session), then the
/// same RPC over and over with the next id or query from the manifest.
Result<Summary> RpcScenario(const Options& o, const Manifest& m) {
    const std::string& sc = o.scenario;
    const Manifest::User* user = m.UserWithRole(sc == "figures" ? "coordinator" : "crisis_worker");
    if (!user) return Error::InvalidArgument("manifest: no user with the role this scenario needs");
    std::string prefix = RunPrefix();

    // The fixed bodies, encoded once; LogContact's are made per call (fresh key and time).
    std::vector<std::string> bodies;
    std::string method;
    if (sc == "search") {
        method = "YouthService/SearchYouths";
        for (const auto& q : m.search_queries) {
            v1::SearchYouthsRequest r;
            r.set_query(q);
            bodies.push_back(r.SerializeAsString());
        }
    } else if (sc == "lookup") {
        method = "YouthService/LookupCaller";
        for (const auto& p : m.lookup_phones) {
            v1::LookupCallerRequest r;
            r.set_phone(p);
            bodies.push_back(r.SerializeAsString());
        }
    } else if (sc == "getplan") {
        method = "PlanService/GetPlan";
        for (auto id : m.plan_youth_ids) {
            v1::GetPlanRequest r;
            r.set_youth_id(id);
            bodies.push_back(r.SerializeAsString());
        }
    } else if (sc == "getcase") {
        method = "CaseService/GetCase";
        for (auto id : m.case_ids) {
            v1::GetCaseRequest r;
            r.set_case_id(id);
            bodies.push_back(r.SerializeAsString());
        }
    } else if (sc == "figures") {
        method = "StatsService/GetFigures";
        v1::GetFiguresRequest r;
        r.mutable_from()->set_year(m.figures_year);
        r.mutable_from()->set_month(1);
        r.mutable_from()->set_day(1);
        r.mutable_to()->set_year(m.figures_year);
        r.mutable_to()->set_month(12);
        r.mutable_to()->set_day(31);
        bodies.push_back(r.SerializeAsString());
    } else if (sc == "logcontact") {
        method = "CaseService/LogContact";
        if (m.open_case_ids.empty()) return Error::InvalidArgument("manifest: open_case_ids is empty");
    }
    if (sc != "logcontact" && bodies.empty()) {
        return Error::InvalidArgument("manifest: no ids or queries for scenario " + sc);
    }
    std::string target = "/spoed.v1." + method;

    struct State {
        std::unique_ptr<client::HttpsClient> http;
        Headers headers;
        std::size_t cursor = 0;
        std::int64_t n = 0;
    };
    std::vector<std::unique_ptr<State>> states;
    for (int i = 0; i < o.connections; ++i) states.push_back(std::make_unique<State>());

    return ClosedLoop(o, [&](int i) {
        State* st = states[i].get();
        st->cursor = static_cast<std::size_t>(i) * 7919;  // threads spread over the list
        Worker w;
        w.setup = [st, &o, user]() -> Status {
            st->http = std::make_unique<client::HttpsClient>(ClientOptionsFor(o));
            SPOED_ASSIGN(std::string token, Login(*st->http, *user));
            st->headers = Bearer(token);
            return Ok();
        };
        w.op = [st, &bodies, &m, &target, &prefix, &sc, i]() -> Status {
            std::string body;
            if (sc == "logcontact") {
                v1::LogContactRequest r;
                r.set_case_id(Pick(m.open_case_ids, st->cursor));
                r.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
                SetTimestamp(*r.mutable_started_at(), std::chrono::system_clock::now() - std::chrono::minutes(1));
                r.set_caller_role(v1::CALLER_ROLE_PARENT);
                r.set_summary("bench: a parent called, advice given (fictief)");
                r.add_responses(v1::RESPONSE_ADVICE);
                r.set_idempotency_key(prefix + "-" + std::to_string(i) + "-" + std::to_string(st->n++));
                body = r.SerializeAsString();
            } else {
                body = Pick(bodies, st->cursor);
            }
            SPOED_ASSIGN(auto reply, st->http->Send("POST", target, "application/proto", std::move(body), st->headers));
            if (reply.status != 200) {
                return Error::Internal("HTTP " + std::to_string(reply.status) + ": " + reply.body.substr(0, 200));
            }
            return Ok();
        };
        return w;
    });
}

Result<Summary> StaticScenario(const Options& o) {
    std::vector<std::unique_ptr<client::HttpsClient>> clients;
    for (int i = 0; i < o.connections; ++i)
        clients.push_back(std::make_unique<client::HttpsClient>(ClientOptionsFor(o)));
    return ClosedLoop(o, [&](int i) {
        client::HttpsClient* http = clients[i].get();
        Worker w;
        w.op = [http, &o]() -> Status {
            SPOED_ASSIGN(auto reply, http->Send("GET", o.path, "", ""));
            if (reply.status != 200 || reply.body.empty()) {
                return Error::Internal("GET " + o.path + " answered HTTP " + std::to_string(reply.status));
            }
            return Ok();
        };
        return w;
    });
}

/// Closes a connection at once with a reset, so that thousands of short connections leave no
/// TIME_WAIT sockets behind on the client (they would use up the local ports).
void Abort(TlsStream& stream) {
    auto& sock = beast::get_lowest_layer(stream).socket();
    boost::system::error_code ec;
    sock.set_option(asio::socket_base::linger(true, 0), ec);
    sock.close(ec);
}

struct Connector {
    asio::io_context ioc;
    ssl::context tls{ssl::context::tls_client};
    client::detail::Url url;
    client::ClientOptions options;

    Status Init(const Options& o) {
        options = ClientOptionsFor(o);
        SPOED_ASSIGN(url, client::detail::ParseUrl(o.url));
        return client::detail::SetUpTls(tls, options);
    }
    /// Connect + full TLS handshake, verifying the certificate (as every client does).
    Status Connect(std::optional<TlsStream>& stream) {
        bool refused = false;
        auto deadline = SteadyClock::now() + options.timeout;
        SPOED_TRY(client::detail::ConnectTls(
            ioc, tls, url, options, deadline,
            [this] {
                ioc.restart();
                ioc.run();
            },
            stream, refused));
        beast::get_lowest_layer(*stream).expires_never();
        return Ok();
    }
};

Result<Summary> HandshakeScenario(const Options& o) {
    std::vector<std::unique_ptr<Connector>> connectors;
    for (int i = 0; i < o.connections; ++i) {
        connectors.push_back(std::make_unique<Connector>());
        SPOED_TRY(connectors.back()->Init(o));
    }
    return ClosedLoop(o, [&](int i) {
        Connector* c = connectors[i].get();
        Worker w;
        w.op = [c]() -> Status {
            std::optional<TlsStream> stream;
            Status st = c->Connect(stream);
            if (stream) Abort(*stream);
            return st;
        };
        return w;
    });
}

std::int64_t StatusKb(int pid, const std::string& key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) return std::stoll(line.substr(key.size() + 1));
    }
    return -1;
}

/// One GET on every open connection at once (the connections then look like a desk's that
/// has made a call and waits); returns how many failed.
std::int64_t GetOnEach(asio::io_context& ioc, std::deque<std::optional<TlsStream>>& streams, const std::string& host,
                       const std::string& target, std::string& first_error) {
    struct Exchange {
        http::request<http::empty_body> req;
        http::response<http::string_body> res;
        beast::flat_buffer buffer;
    };
    std::vector<std::unique_ptr<Exchange>> ex;
    std::int64_t failed = 0;
    for (auto& s : streams) {
        if (!s) continue;
        auto e = std::make_unique<Exchange>();
        e->req.method(http::verb::get);
        e->req.target(target);
        e->req.version(11);
        e->req.set(http::field::host, host);
        e->req.keep_alive(true);
        Exchange* p = e.get();
        TlsStream* stream = &*s;
        http::async_write(*stream, p->req, [&, p, stream](boost::system::error_code ec, std::size_t) {
            if (ec) {
                ++failed;
                if (first_error.empty()) first_error = "GET " + target + ": " + ec.message();
                return;
            }
            http::async_read(*stream, p->buffer, p->res, [&, p](boost::system::error_code ec2, std::size_t) {
                if (ec2 || p->res.result_int() != 200) {
                    ++failed;
                    if (first_error.empty()) {
                        first_error = "GET " + target + ": " +
                                      (ec2 ? ec2.message() : "HTTP " + std::to_string(p->res.result_int()));
                    }
                }
            });
        });
        ex.push_back(std::move(e));
    }
    ioc.restart();
    ioc.run();
    return failed;
}

Result<Summary> IdleScenario(const Options& o) {
    if (o.pid <= 0) return Error::InvalidArgument("--pid: idle needs the server's process id");
    Connector c;
    SPOED_TRY(c.Init(o));
    Summary s;
    s.rss_before_kb = StatusKb(o.pid, "VmRSS");
    std::deque<std::optional<TlsStream>> streams;
    std::vector<std::int64_t> samples;
    std::int64_t t0 = NowNs();
    for (int i = 0; i < o.connections; ++i) {
        streams.emplace_back();
        std::int64_t a = NowNs();
        Status st = c.Connect(streams.back());
        if (!st.ok()) {
            streams.back().reset();
            ++s.errors;
            if (s.first_error.empty()) s.first_error = st.error().message;
            continue;
        }
        samples.push_back(NowNs() - a);
    }
    double open_seconds = static_cast<double>(NowNs() - t0) / 1e9;
    s.errors += GetOnEach(c.ioc, streams, c.url.HostHeader(), "/healthz", s.first_error);
    // Hold them, and keep the highest RSS seen: the server's memory with C idle connections.
    std::int64_t until = NowNs() + SecondsToNs(std::max(1.0, o.seconds));
    while (NowNs() < until) {
        std::int64_t rss = StatusKb(o.pid, "VmRSS");
        if (rss > s.rss_kb) {
            s.rss_kb = rss;
            s.rss_anon_kb = StatusKb(o.pid, "RssAnon");
            s.rss_file_kb = StatusKb(o.pid, "RssFile");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    Summarise(std::move(samples), s);
    s.per_s = open_seconds > 0 ? static_cast<double>(s.count) / open_seconds : 0;
    for (auto& st : streams) {
        if (st) Abort(*st);
    }
    return s;
}

// --- events ----------------------------------------------------------------------------------

using WsStream = websocket::stream<TlsStream>;

struct EventClient {
    std::unique_ptr<WsStream> ws;
    beast::flat_buffer buffer;
    std::int64_t received = 0;              // CONTACT_LOGGED events of the bench case seen so far
    std::vector<std::int64_t> received_at;  // per round, when its event arrived (ns)
};

/// N WebSocket clients on one io_context; one RPC (LogContact on a case opened for the run)
/// makes one event that each of them must receive. Each round waits until all N have it (or
/// 5 s passed), then the next RPC goes out. A client's k-th event belongs to the k-th RPC, as
/// the stream delivers in commit order. Two latencies: from sending the RPC (what the worker
/// who logs the contact waits, the durable write included) and from the commit (the fan-out).
Result<Summary> EventsScenario(const Options& o, const Manifest& m) {
    const Manifest::User* user = m.UserWithRole("crisis_worker");
    if (!user) return Error::InvalidArgument("manifest: no crisis_worker user");
    client::HttpsClient http(ClientOptionsFor(o));
    SPOED_ASSIGN(std::string token, Login(http, *user));
    Headers headers = Bearer(token);
    std::string prefix = RunPrefix();

    // A case opened now belongs to the shift on now: every crisis worker receives its events.
    v1::OpenCaseRequest open;
    open.set_caller_description("bench: events scenario (fictief)");
    open.set_idempotency_key(prefix + "-open");
    v1::OpenCaseResponse opened;
    SPOED_TRY(Rpc(http, "CaseService/OpenCase", headers, open, &opened));
    std::int64_t case_id = opened.case_().id();

    Connector c;
    SPOED_TRY(c.Init(o));
    int n = o.connections;
    std::vector<std::unique_ptr<EventClient>> clients;
    Summary s;
    for (int i = 0; i < n; ++i) {
        std::optional<TlsStream> stream;
        SPOED_TRY(c.Connect(stream));
        auto ec_client = std::make_unique<EventClient>();
        ec_client->ws = std::make_unique<WsStream>(std::move(*stream));
        ec_client->ws->set_option(websocket::stream_base::decorator(
            [&token](websocket::request_type& req) { req.set(http::field::authorization, "Bearer " + token); }));
        boost::system::error_code ec;
        ec_client->ws->handshake(c.url.HostHeader(), "/spoed.v1/events", ec);
        if (ec) return Error::Unavailable("WebSocket " + std::to_string(i) + ": " + ec.message());
        ec_client->ws->binary(true);
        clients.push_back(std::move(ec_client));
    }

    constexpr std::size_t kMaxRounds = 1 << 20;
    std::vector<std::atomic<std::int64_t>> sent_at(kMaxRounds);
    std::vector<std::int64_t> acked_at;
    std::vector<std::atomic<int>> delivered(kMaxRounds);
    std::atomic<std::int64_t> read_errors{0};
    std::mutex error_mu;
    std::string read_error;

    std::function<void(EventClient*)> read_next = [&](EventClient* cl) {
        cl->ws->async_read(cl->buffer, [&, cl](boost::system::error_code ec, std::size_t) {
            std::int64_t at = NowNs();
            if (ec) {
                if (ec != asio::error::operation_aborted && ec != websocket::error::closed) {
                    ++read_errors;
                    std::lock_guard lock(error_mu);
                    if (read_error.empty()) read_error = "WebSocket read: " + ec.message();
                }
                return;
            }
            v1::Event event;
            auto data = cl->buffer.data();
            bool ok = event.ParseFromArray(data.data(), static_cast<int>(data.size()));
            cl->buffer.consume(cl->buffer.size());
            if (ok && event.kind() == v1::EVENT_KIND_CONTACT_LOGGED && event.case_id() == case_id) {
                std::int64_t k = cl->received++;
                if (static_cast<std::size_t>(k) < kMaxRounds) {
                    cl->received_at.push_back(at);
                    ++delivered[k];
                }
            }
            read_next(cl);
        });
    };
    for (auto& cl : clients) read_next(cl.get());
    // One thread reads all N streams (as the brief of issue 8 asks: no thread per client).
    c.ioc.restart();
    std::thread io([&] { c.ioc.run(); });

    std::int64_t start = NowNs();
    std::int64_t measure_from = start + SecondsToNs(o.warmup);
    std::int64_t measure_to = measure_from + SecondsToNs(o.seconds);
    std::size_t rounds = 0, first_measured = kMaxRounds, measured = 0;
    std::int64_t missing = 0;
    while (rounds < kMaxRounds) {
        std::int64_t t0 = NowNs();
        if (t0 >= measure_to) break;
        if (t0 >= measure_from && first_measured == kMaxRounds) first_measured = rounds;
        sent_at[rounds] = t0;
        v1::LogContactRequest r;
        r.set_case_id(case_id);
        r.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
        SetTimestamp(*r.mutable_started_at(), std::chrono::system_clock::now() - std::chrono::minutes(1));
        r.set_caller_role(v1::CALLER_ROLE_PARENT);
        r.set_summary("bench: events scenario (fictief)");
        r.add_responses(v1::RESPONSE_ADVICE);
        r.set_idempotency_key(prefix + "-" + std::to_string(rounds));
        Status st = Rpc(http, "CaseService/LogContact", headers, r, nullptr);
        acked_at.push_back(NowNs());
        if (!st.ok()) {
            // The event may or may not exist; stop here rather than misattribute later frames.
            ++s.errors;
            s.first_error = st.error().message;
            break;
        }
        std::int64_t wait_until = NowNs() + SecondsToNs(5);
        while (delivered[rounds].load() < n && NowNs() < wait_until) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        }
        if (delivered[rounds].load() < n) {
            missing += n - delivered[rounds].load();
            ++rounds;
            break;  // a client fell behind: later frames could no longer be told apart
        }
        if (t0 >= measure_from) ++measured;
        ++rounds;
    }
    // Closed on the io thread, so that no close races a read handler; the reads then end and
    // the io_context runs out of work.
    for (auto& cl : clients) {
        asio::post(c.ioc, [cl = cl.get()] { Abort(cl->ws->next_layer()); });
    }
    io.join();

    // Only the measured rounds: the warm-up's and a last unfinished one are cut off.
    std::vector<std::vector<std::int64_t>> received(clients.size());
    std::vector<std::int64_t> all;
    for (std::size_t c = 0; c < clients.size(); ++c) {
        const auto& at = clients[c]->received_at;
        for (std::size_t k = first_measured; k < std::min(at.size(), first_measured + measured); ++k) {
            received[c].push_back(at[k]);
            all.push_back(at[k] - sent_at[k].load());
        }
    }
    std::vector<std::int64_t> acked;
    for (std::size_t k = first_measured; k < std::min(acked_at.size(), first_measured + measured); ++k) {
        acked.push_back(acked_at[k]);
    }
    Summary from_commit;
    Summarise(FromCommit(received, acked), from_commit);
    s.commit_p50_ms = from_commit.p50_ms;
    s.commit_p99_ms = from_commit.p99_ms;
    s.commit_p999_ms = from_commit.p999_ms;
    Summarise(std::move(all), s);
    s.errors += missing + read_errors.load();
    if (s.first_error.empty() && !read_error.empty()) s.first_error = read_error;
    if (s.first_error.empty() && missing > 0) s.first_error = std::to_string(missing) + " deliveries missing after 5 s";
    s.per_s = static_cast<double>(measured) / o.seconds;  // events (rounds) per second
    return s;
}

std::string JsonNumber(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.3f", v);
    return b;
}

}  // namespace

Result<Options> ParseOptions(const std::vector<std::string>& args) {
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (i + 1 >= args.size()) return Error::InvalidArgument(a + ": needs a value");
        const std::string& v = args[++i];
        try {
            if (a == "--url") {
                o.url = v;
            } else if (a == "--ca") {
                o.ca_file = v;
            } else if (a == "--manifest") {
                o.manifest = v;
            } else if (a == "--scenario") {
                o.scenario = v;
            } else if (a == "--connections") {
                o.connections = std::stoi(v);
            } else if (a == "--seconds") {
                o.seconds = std::stod(v);
            } else if (a == "--warmup") {
                o.warmup = std::stod(v);
            } else if (a == "--path") {
                o.path = v;
            } else if (a == "--pid") {
                o.pid = std::stoi(v);
            } else {
                return Error::InvalidArgument(a + ": unknown flag");
            }
        } catch (const std::exception&) {
            return Error::InvalidArgument(a + ": not a number: " + v);
        }
    }
    static const std::vector<std::string> kScenarios = {"search",  "lookup", "getplan",   "getcase", "logcontact",
                                                        "figures", "static", "handshake", "events",  "idle"};
    if (std::find(kScenarios.begin(), kScenarios.end(), o.scenario) == kScenarios.end()) {
        return Error::InvalidArgument(
            "--scenario: one of search, lookup, getplan, getcase, logcontact, figures, "
            "static, handshake, events, idle");
    }
    if (o.url.empty()) return Error::InvalidArgument("--url: needed (https://host:port)");
    if (o.connections < 1 || o.connections > 100'000) return Error::InvalidArgument("--connections: 1 to 100000");
    if (!(o.seconds > 0)) return Error::InvalidArgument("--seconds: more than 0");
    if (!(o.warmup >= 0)) return Error::InvalidArgument("--warmup: 0 or more");
    if (o.path.empty() || o.path.front() != '/') return Error::InvalidArgument("--path: must start with /");
    bool needs_manifest = o.scenario != "static" && o.scenario != "handshake" && o.scenario != "idle";
    if (needs_manifest && o.manifest.empty()) return Error::InvalidArgument("--manifest: needed by " + o.scenario);
    return o;
}

double Percentile(std::vector<std::int64_t>& samples, double q) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
    rank = std::clamp<std::size_t>(rank, 1, samples.size());
    return static_cast<double>(samples[rank - 1]);
}

void Summarise(std::vector<std::int64_t> samples_ns, Summary& out) {
    out.count = static_cast<std::int64_t>(samples_ns.size());
    out.p50_ms = Percentile(samples_ns, 0.50) / 1e6;
    out.p99_ms = Percentile(samples_ns, 0.99) / 1e6;
    out.p999_ms = Percentile(samples_ns, 0.999) / 1e6;
}

std::vector<std::int64_t> FromCommit(const std::vector<std::vector<std::int64_t>>& received_at,
                                     const std::vector<std::int64_t>& acked_at) {
    std::vector<std::int64_t> out;
    for (std::size_t k = 0; k < acked_at.size(); ++k) {
        std::int64_t start = acked_at[k];
        for (const auto& client : received_at) {
            if (k < client.size()) start = std::min(start, client[k]);
        }
        for (const auto& client : received_at) {
            if (k < client.size()) out.push_back(client[k] - start);
        }
    }
    return out;
}

std::string Summary::ToJson() const {
    std::string j = "{\"scenario\":" + JsonString(scenario) + ",\"count\":" + std::to_string(count) +
                    ",\"errors\":" + std::to_string(errors) + ",\"per_s\":" + JsonNumber(per_s) +
                    ",\"p50_ms\":" + JsonNumber(p50_ms) + ",\"p99_ms\":" + JsonNumber(p99_ms) +
                    ",\"p999_ms\":" + JsonNumber(p999_ms);
    if (rss_kb >= 0) {
        j += ",\"rss_kb\":" + std::to_string(rss_kb) + ",\"rss_anon_kb\":" + std::to_string(rss_anon_kb) +
             ",\"rss_file_kb\":" + std::to_string(rss_file_kb) + ",\"rss_before_kb\":" + std::to_string(rss_before_kb);
    }
    if (commit_p50_ms >= 0) {
        j += ",\"commit_p50_ms\":" + JsonNumber(commit_p50_ms) + ",\"commit_p99_ms\":" + JsonNumber(commit_p99_ms) +
             ",\"commit_p999_ms\":" + JsonNumber(commit_p999_ms);
    }
    if (!first_error.empty()) j += ",\"first_error\":" + JsonString(first_error);
    return j + "}";
}

Result<Summary> Run(const Options& o) {
    Manifest m;
    if (!o.manifest.empty()) {
        std::ifstream in(o.manifest);
        if (!in) return Error::InvalidArgument("--manifest: cannot read " + o.manifest);
        std::stringstream text;
        text << in.rdbuf();
        SPOED_ASSIGN(m, ParseManifest(text.str()));
    }
    Result<Summary> r = [&]() -> Result<Summary> {
        if (o.scenario == "static") return StaticScenario(o);
        if (o.scenario == "handshake") return HandshakeScenario(o);
        if (o.scenario == "idle") return IdleScenario(o);
        if (o.scenario == "events") return EventsScenario(o, m);
        return RpcScenario(o, m);
    }();
    if (r.ok()) r->scenario = o.scenario;
    return r;
}

}  // namespace spoed::bench::load
