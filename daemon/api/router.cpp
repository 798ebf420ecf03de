#include "daemon/api/router.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <stdexcept>

#include "base/log.hpp"
#include "daemon/api/connect.hpp"
#include "daemon/service/convert.hpp"
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

/// The objects a request names by its top-level `<kind>_id` fields.
constexpr std::string_view kObjectKinds[] = {
    "youth",    "case",        "consult", "handover",     "evaluation", "user", "consent", "pre_registration",
    "proposal", "break_glass", "session", "organisation", "track"};

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

void Router::NoteRequestedObjects(service::Call& call, const google::protobuf::Message& req) {
    const auto* d = req.GetDescriptor();
    const auto* r = req.GetReflection();
    std::int64_t youth = 0, case_id = 0;
    std::vector<std::pair<std::string_view, std::int64_t>> via_case;  // consult, handover, evaluation, track
    for (int i = 0; i < d->field_count(); ++i) {
        const auto* f = d->field(i);
        if (f->is_repeated() || f->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_INT64) continue;
        std::string_view name = f->name();
        if (!name.ends_with("_id")) continue;
        std::string_view kind = name.substr(0, name.size() - 3);
        if (std::find(std::begin(kObjectKinds), std::end(kObjectKinds), kind) == std::end(kObjectKinds)) continue;
        const std::int64_t id = r->GetInt64(req, f);
        if (id <= 0) continue;
        call.audit().object_ids.push_back(service::ObjectId(kind, id));
        if (kind == "youth") youth = id;
        if (kind == "case") case_id = id;
        if (kind == "consult" || kind == "handover" || kind == "evaluation" || kind == "track")
            via_case.emplace_back(kind, id);
    }
    if (youth == 0 && (case_id != 0 || !via_case.empty())) {
        // The youth of the case the request names, directly or through its consult, handover,
        // evaluation or Meldcode track: "who tried to look at this child" must find this attempt too.
        auto found = store_.Read([&](db::Tx& tx) -> Result<std::int64_t> {
            std::int64_t c = case_id;
            for (const auto& [kind, id] : via_case) {
                if (c != 0) break;
                if (kind == "consult") {
                    if (auto x = tx.consults().Find(id)) c = x->case_id;
                } else if (kind == "handover") {
                    if (auto x = tx.handovers().Find(id)) c = x->case_id;
                } else if (kind == "track") {
                    if (auto x = tx.meldcode().Find(id)) c = x->case_id;
                } else if (auto x = tx.evaluations().Find(id)) {
                    c = x->case_id;
                }
            }
            auto found_case = c != 0 ? tx.cases().Find(c) : std::nullopt;
            return found_case && found_case->youth_id ? *found_case->youth_id : 0;
        });
        if (found.ok()) youth = *found;
    }
    if (youth != 0) call.audit().youth_id = youth;
}

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
    }

    // Decoded before the role check, so that a refusal names what was asked for (NEN 7513).
    auto req = route.new_request();
    if (Status st = Decode(codec, request.body, *req); !st.ok()) return fail(st.error());

    if (rule.access != Access::kPublic) {
        const service::Actor& me = *call.actor();
        auto refuse = [&](const Error& error) {
            NoteRequestedObjects(call, *req);
            return fail(error);
        };
        if (!Allows(rule, me.roles)) {
            const std::string action = ActionWords(rule.method);
            return refuse(Error::PermissionDenied("your roles (" + me.roles.Joined() + ") may not " + action)
                              .Because("role_not_allowed", {{"action", action}}));
        }
        if (me.must_change_password && !rule.before_password_change) {
            return refuse(Error::FailedPrecondition(
                              "you are using a one-time password: change it first (AuthService/ChangePassword)")
                              .Because("password_change_needed"));
        }
        if (me.must_enroll_totp && !AllowedWhileEnrolling(rule)) {
            return refuse(Error::FailedPrecondition(
                              "your role needs a second factor: enrol one first (AuthService/BeginTotpEnrollment, then "
                              "ConfirmTotpEnrollment; spoedctl totp enroll), or log in again with your code")
                              .Because("second_factor_enrolment_needed"));
        }
        if (NeedsSecondFactor(rule) && !me.second_factor) {
            return refuse(Error::PermissionDenied(
                std::string(rule.method) + " needs a session opened with a second factor: log in with your code"));
        }
    }

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
