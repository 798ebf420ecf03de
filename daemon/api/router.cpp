#include "daemon/api/router.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <stdexcept>

#include "daemon/api/connect.hpp"
#include "daemon/base/log.hpp"
#include "daemon/service/secrets.hpp"

namespace spoed::daemon::api {

namespace {

/// What a method does, in words: "spoed.v1.PlanService/BreakGlass" → "break glass". A refusal
/// names the action, never the call.
std::string ActionWords(std::string_view method) {
    const auto slash = method.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? method : method.substr(slash + 1);
    std::string words;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') {
            if (!words.empty()) words += ' ';
            words += static_cast<char>(c - 'A' + 'a');
        } else {
            words += c;
        }
    }
    return words;
}

/// The request's `idempotency_key` field when it has one: "" when absent or empty.
Result<std::string> IdempotencyKey(const google::protobuf::Message& req) {
    const auto* field = req.GetDescriptor()->FindFieldByName("idempotency_key");
    if (field == nullptr || field->type() != google::protobuf::FieldDescriptor::TYPE_STRING) return std::string();
    std::string key = req.GetReflection()->GetString(req, field);
    if (key.empty()) return key;
    bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (key.size() < 8 || key.size() > 128 || !printable) {
        return Error::InvalidArgument("idempotency_key: 8 to 128 printable characters without spaces");
    }
    return key;
}

/// SHA-256 of the request in deterministic protobuf form: a reused key must mean the same request.
std::string RequestHash(const google::protobuf::Message& req) {
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream out(&bytes);
        google::protobuf::io::CodedOutputStream coded(&out);
        coded.SetSerializationDeterministic(true);
        req.SerializeToCodedStream(&coded);
    }
    return service::Sha256(bytes);
}

/// A path fit to repeat in a message: printable ASCII, at most 100 characters.
std::string Printable(std::string_view s) {
    std::string out;
    for (char c : s.substr(0, 100)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return out;
}

net::HttpResponse TextResponse(int status, std::string body) {
    net::HttpResponse r;
    r.status = status;
    r.content_type = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

}  // namespace

Router::Router(db::Store& store, const Clock& clock, service::AuthService& auth)
    : store_(store), clock_(clock), auth_(auth) {}

void Router::AddRoute(std::string_view service, std::string_view method, Route route) {
    route.rule = FindRule(service, method);
    if (route.rule == nullptr) {
        throw std::logic_error("RPC " + std::string(service) + "/" + std::string(method) +
                               " is not in the role × RPC table");
    }
    std::string path = "/" + std::string(service) + "/" + std::string(method);
    if (!routes_.emplace(path, std::move(route)).second) throw std::logic_error("RPC registered twice: " + path);
}

void Router::CheckComplete() const {
    for (const auto& rule : RpcRules()) {
        std::string path = "/" + std::string(rule.service) + "/" + std::string(rule.method);
        if (!routes_.contains(path)) throw std::logic_error("RPC in the role × RPC table without handler: " + path);
    }
}

net::HttpResponse Router::Handle(const net::HttpRequest& request) {
    net::HttpResponse r = Dispatch(request);
    // The server adds them to every answer it writes; here they are for whoever calls the
    // router directly (the fuzzer, the tests), so the router's answers are complete on their own.
    for (const auto& header : net::SecurityHeaders()) r.headers.push_back(header);
    return r;
}

net::HttpResponse Router::Dispatch(const net::HttpRequest& request) {
    std::string_view path = request.target;
    path = path.substr(0, path.find('?'));

    if (path == "/healthz" || path == "/readyz") {
        if (request.method != "GET" && request.method != "HEAD") {
            auto r = ErrorResponse(Error::Unimplemented("use GET for " + std::string(path)));
            r.status = 405;
            r.headers.emplace_back("Allow", "GET, HEAD");
            return r;
        }
        if (path == "/healthz") return TextResponse(200, "ok\n");
        return store_.Ready() ? TextResponse(200, "ready\n") : TextResponse(503, "database not ready\n");
    }

    auto it = routes_.find(path);
    if (it == routes_.end()) {
        return ErrorResponse(Error::Unimplemented("no such method: " + Printable(path)));
    }
    if (request.method != "POST") {
        auto r = ErrorResponse(Error::Unimplemented("use POST for Connect calls"));
        r.status = 405;
        r.headers.emplace_back("Allow", "POST");
        return r;
    }
    try {
        return HandleRpc(it->second, request);
    } catch (const std::exception& e) {
        // A bug, not input: answer 500 without detail, log what it was (no request content).
        log::Error("api.unexpected", "unexpected failure in a call",
                   {{"method", std::string(path)}, {"what", e.what()}});
        return ErrorResponse(Error::Internal("internal error"));
    }
}

net::HttpResponse Router::HandleRpc(const Route& route, const net::HttpRequest& request) {
    const RpcRule& rule = *route.rule;
    Codec codec;
    if (!ParseContentType(request.Header("content-type"), codec)) {
        auto r = ErrorResponse(Error::InvalidArgument("unsupported content type \"" +
                                                      Printable(request.Header("content-type")) +
                                                      "\": use application/proto or application/json"));
        r.status = 415;
        return r;
    }

    service::Call call(store_, clock_.Now(), rule.service, rule.method, rule.action, request.remote_address);
    call.CountRefusalsIn(refusals_);
    // Every answer of this call: delayed when the call asked for it, and marked when it came
    // from a signed-in caller (the connection is then kept when slots run short).
    auto answer = [&](net::HttpResponse r) {
        r.delay = call.answer_delay();
        r.authenticated = call.actor().has_value();
        return r;
    };
    auto fail = [&](const Error& error) {
        (void)call.Finish(&error);  // a failed audit write is logged by Finish; the refusal stands
        return answer(ErrorResponse(error));
    };

    if (rule.access != Access::kPublic) {
        auto actor = auth_.Authenticate(store_, BearerToken(request.Header("authorization")), call.now());
        if (!actor.ok()) return fail(actor.error());
        call.set_actor(std::move(actor).value());
        const service::Actor& me = *call.actor();
        if (rate_limiter_) {
            auto v = rate_limiter_->Take(me.session_id, call.now());
            if (v.burst_ended_refused > 0) {
                log::Info("api.rate_limit_ended", "a session is below its request rate again",
                          {{"session_id", me.session_id}, {"refused", v.burst_ended_refused}});
            }
            if (!v.allowed) {
                auto retry_seconds = std::max<std::int64_t>(1, (v.retry_after.count() + 999) / 1000);
                Error error =
                    Error::ResourceExhausted("too many requests for this session: slow down and try again in " +
                                             std::to_string(retry_seconds) + " s");
                // Once per burst in the log and the audit log; the rest of the burst is refused
                // without a disk write, so a flood cannot turn into an audit-log flood.
                auto r = v.burst_started ? fail(error) : answer(ErrorResponse(error));
                if (v.burst_started) {
                    log::Warn("api.rate_limited", "a session exceeded its request rate",
                              {{"session_id", me.session_id}, {"user_id", me.user_id}});
                }
                r.headers.emplace_back("Retry-After", std::to_string(retry_seconds));
                return r;
            }
        }
        if (!Allows(rule, me.roles)) {
            const std::string action = ActionWords(rule.method);
            return fail(Error::PermissionDenied("your roles (" + me.roles.Joined() + ") may not " + action)
                            .Because("role_not_allowed", {{"action", action}}));
        }
        if (me.must_change_password && !rule.before_password_change) {
            return fail(Error::FailedPrecondition(
                            "you are using a one-time password: change it first (AuthService/ChangePassword)")
                            .Because("password_change_needed"));
        }
        if (me.must_enroll_totp && !AllowedWhileEnrolling(rule)) {
            return fail(Error::FailedPrecondition(
                            "your role needs a second factor: enrol one first (AuthService/BeginTotpEnrollment, then "
                            "ConfirmTotpEnrollment; spoedctl totp enroll), or log in again with your code")
                            .Because("second_factor_enrolment_needed"));
        }
        if (NeedsSecondFactor(rule) && !me.second_factor) {
            return fail(Error::PermissionDenied(std::string(rule.method) +
                                                " needs a session opened with a second factor: log in with your code"));
        }
    }

    auto req = route.new_request();
    if (Status st = Decode(codec, request.body, *req); !st.ok()) return fail(st.error());

    std::unique_ptr<google::protobuf::Message> replay;
    if (auto key = IdempotencyKey(*req); !key.ok()) {
        return fail(key.error());
    } else if (!key->empty()) {
        call.set_idempotency(*key, RequestHash(*req));
        // A retry of a call that already succeeded answers the stored response.
        auto prev = store_.Read(
            [&](db::Tx& tx) -> Result<std::optional<Result<std::string>>> { return call.FindIdempotent(tx); });
        if (!prev.ok()) return fail(prev.error());
        if (prev->has_value()) {
            if (!(*prev)->ok()) return fail((*prev)->error());
            replay = route.new_response();
            if (!replay->ParseFromString((*prev)->value())) return fail(Error::Internal("stored response unreadable"));
            call.audit().reason = "idempotent replay";
        }
    }

    auto result =
        replay ? Result<std::unique_ptr<google::protobuf::Message>>(std::move(replay)) : route.invoke(call, *req);
    if (!result.ok()) return fail(result.error());
    // Nothing leaves before its audit line is stored.
    if (Status st = call.Finish(nullptr); !st.ok()) {
        return answer(ErrorResponse(Error::Unavailable("the call could not be recorded in the audit log; try again")
                                        .Because("audit_unavailable")));
    }
    auto body = Encode(codec, **result);
    if (!body.ok()) return answer(ErrorResponse(body.error()));
    net::HttpResponse resp = answer({});
    resp.status = 200;
    resp.content_type = std::string(ContentTypeOf(codec));
    resp.body = std::move(body).value();
    return resp;
}

}  // namespace spoed::daemon::api
