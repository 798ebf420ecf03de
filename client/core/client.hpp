#pragma once

#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

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
///
/// With several servers (`server_url` "https://a:8443,https://b:8443": the daemons of one
/// deployment), a call that does not get through to one is sent to the next at once, with the
/// same request and so the same idempotency key; the one that answered is tried first from then
/// on. Only a failure in transport moves on: an answer, an error answer too, is the answer.
/// Not thread-safe: one Client per thread.
class Client {
  public:
    explicit Client(ClientOptions options);

    void SetToken(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }
    const ClientOptions& options() const { return options_; }
    /// The server calls go to first: the one that answered last.
    const std::string& server_url() const { return servers_[current_]->options().server_url; }
    /// Whether the last failed call would fail the same way again (a refused certificate, an
    /// unusable URL or CA file): the desk then says so instead of waiting for the server.
    bool last_failure_is_permanent() const { return last_failure_permanent_; }

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
    /// Sends to the servers in turn, from the current one, until one answers; a failure that
    /// is not one of transport (or is permanent) ends the round at once.
    Result<HttpReply> SendToAny(std::string_view method, std::string_view target, std::string_view content_type,
                                const std::string& body,
                                const std::vector<std::pair<std::string, std::string>>& headers);

    ClientOptions options_;
    std::vector<std::unique_ptr<HttpsClient>> servers_;  // one per address of server_url
    std::size_t current_ = 0;
    bool last_failure_permanent_ = false;
    std::string token_;
};

/// The Error a non-200 Connect answer stands for: the JSON body's code and message, or one
/// derived from the HTTP status when the body is not a Connect error.
Error ErrorFromReply(const HttpReply& reply);

}  // namespace spoed::client
