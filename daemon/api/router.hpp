#pragma once

#include <google/protobuf/message.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "daemon/api/access.hpp"
#include "daemon/api/rate_limit.hpp"
#include "daemon/net/server.hpp"
#include "daemon/service/auth_service.hpp"
#include "daemon/service/refusal_tally.hpp"
#include "db/store.hpp"

namespace spoed::daemon::api {

/// Routes Connect unary calls (`POST /<service>/<method>`) to service functions: decodes,
/// authenticates, authorises against the role × RPC table, runs the call, writes its audit
/// line, encodes the answer and maps errors to Connect codes. Also answers /healthz and
/// /readyz. Synchronous and free of I/O: the daemon runs it on its worker threads.
class Router {
  public:
    Router(db::Store& store, const Clock& clock, service::AuthService& auth);

    template <typename Req, typename Resp>
    using Handler = std::function<Result<Resp>(service::Call&, const Req&)>;

    /// Registers a method of the contract. Throws std::logic_error when the method is not in the
    /// role × RPC table or is registered twice: a start-up bug, never a runtime condition.
    template <typename Req, typename Resp>
    void Add(const v1::rpc::Method<Req, Resp>& rpc, std::type_identity_t<Handler<Req, Resp>> handler) {
        Route route;
        route.new_request = [] { return std::make_unique<Req>(); };
        route.new_response = [] { return std::make_unique<Resp>(); };
        route.invoke = [h = std::move(handler)](
                           service::Call& call,
                           const google::protobuf::Message& req) -> Result<std::unique_ptr<google::protobuf::Message>> {
            Result<Resp> r = h(call, static_cast<const Req&>(req));
            if (!r.ok()) return std::move(r).take_error();
            return std::unique_ptr<google::protobuf::Message>(new Resp(std::move(r).value()));
        };
        AddRoute(rpc.service, rpc.method, std::move(route));
    }

    /// Registers a service's member function, e.g. `Bind(v1::rpc::AuthService::Login, auth,
    /// &AuthService::Login)`; it must take and give the method's messages (checked here).
    template <typename S, typename Req, typename Resp>
    void Bind(const v1::rpc::Method<Req, Resp>& rpc, S& svc, Result<Resp> (S::*fn)(service::Call&, const Req&)) {
        Add(rpc, [&svc, fn](service::Call& c, const Req& r) { return (svc.*fn)(c, r); });
    }

    /// Throws std::logic_error when a row of the role × RPC table has no handler.
    void CheckComplete() const;

    net::HttpResponse Handle(const net::HttpRequest& request);

    /// Where refusals of callers without a session are counted instead of one audit line each
    /// (off until set: one line each). Set before serving; the tally outlives the router.
    void SetRefusalTally(service::RefusalTally* tally) { refusals_ = tally; }

    /// Limits requests per session token (off until set). Set before serving.
    void SetRateLimit(RateLimitOptions options) { rate_limiter_ = std::make_unique<SessionRateLimiter>(options); }
    /// The per-session request limit counts in the store (several daemons share it).
    void ShareRateLimitThrough(db::Store* store) {
        if (rate_limiter_) rate_limiter_->ShareThrough(store);
    }

  private:
    struct Route {
        const RpcRule* rule = nullptr;
        std::function<std::unique_ptr<google::protobuf::Message>()> new_request;
        std::function<std::unique_ptr<google::protobuf::Message>()> new_response;
        std::function<Result<std::unique_ptr<google::protobuf::Message>>(service::Call&,
                                                                         const google::protobuf::Message&)>
            invoke;
    };
    void AddRoute(std::string_view service, std::string_view method, Route route);
    net::HttpResponse Dispatch(const net::HttpRequest& request);
    net::HttpResponse HandleRpc(const Route& route, const net::HttpRequest& request);
    /// For a call refused before its service ran: the objects the request names (its
    /// `<kind>_id` fields) and the youth they belong to, into the call's audit line.
    void NoteRequestedObjects(service::Call& call, const google::protobuf::Message& req);

    db::Store& store_;
    const Clock& clock_;
    service::AuthService& auth_;
    std::map<std::string, Route, std::less<>> routes_;  // "/spoed.v1.AuthService/Login"
    std::unique_ptr<SessionRateLimiter> rate_limiter_;
    service::RefusalTally* refusals_ = nullptr;
};

}  // namespace spoed::daemon::api
