#pragma once

#include <google/protobuf/message.h>

#include <string>
#include <string_view>
#include <type_traits>

#include "client/core/https_client.hpp"
#include "spoed/v1/rpc.hpp"

namespace spoed::client {

/// The typed client of the Spoed API: Connect unary calls (`POST /<service>/<method>`,
/// application/proto) over one HttpsClient, with the bearer token.
///
/// A call that fails in transport (`unavailable`: refused, reset, timed out) is sent again up
/// to `max_retries` times with a growing pause. That is safe because every create RPC carries
/// a client-chosen idempotency key (the server answers a repeat with the first result) and
/// every other RPC is a read or an update that gives the same result twice. Each try gets the
/// whole `timeout`. Failures that would repeat (a refused certificate, a bad URL) are not retried.
/// Not thread-safe: one Client per thread.
class Client {
  public:
    explicit Client(ClientOptions options);

    void SetToken(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }
    const ClientOptions& options() const { return http_.options(); }
    /// Whether the last failed call would fail the same way again (a refused certificate, an
    /// unusable URL or CA file): the desk then says so instead of waiting for the server.
    bool last_failure_is_permanent() const { return http_.last_failure_is_permanent(); }

    /// Calls one unary RPC by its path (Call below is the typed way). Errors carry the
    /// server's Connect code and message; a reply that is not the response message is `internal`.
    Status CallRaw(std::string_view method, const google::protobuf::Message& request,
                   google::protobuf::Message& response);

    /// Calls one RPC of the contract with its own request and response messages:
    /// `client.Call(v1::rpc::CaseService::OpenCase, request)` gives a Result<OpenCaseResponse>.
    template <typename Req, typename Resp>
    Result<Resp> Call(const v1::rpc::Method<Req, Resp>& rpc, const std::type_identity_t<Req>& request) {
        Resp response;
        SPOED_TRY(CallRaw(rpc.path, request, response));
        return response;
    }

    /// GET of a plain path such as /healthz or /readyz: any HTTP status is a reply, only
    /// transport failures are errors. Not retried.
    Result<HttpReply> Get(std::string_view path);

  private:
    HttpsClient http_;
    std::string token_;
};

/// The Error a non-200 Connect answer stands for: the JSON body's code and message, or one
/// derived from the HTTP status when the body is not a Connect error.
Error ErrorFromReply(const HttpReply& reply);

}  // namespace spoed::client
