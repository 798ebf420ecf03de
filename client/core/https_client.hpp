#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace spoed::client {

struct ClientOptions {
    /// "https://host:port"; a trailing slash is ignored. Only https is accepted. Several
    /// servers of one deployment, separated by commas ("https://a:8443,https://b:8443"): a call
    /// that does not get through to one goes to the next (see Client).
    std::string server_url = "https://localhost:8443";
    /// PEM file of the CA(s) to trust; empty: the system's trust store.
    std::string ca_file;
    /// Whole-call limit: connect, handshake, write and read.
    std::chrono::milliseconds timeout{15'000};
    /// Client: how often a call that failed in transport (`unavailable`) is tried again.
    int max_retries = 2;
    std::chrono::milliseconds retry_backoff{200};
    /// The local address to connect from ("127.0.0.7"); empty: the system chooses. For hosts
    /// with several addresses, and for tests that play many clients on loopback.
    std::string source_address;
};

/// The servers of `server_url`, in order: split at commas, spaces around them dropped. An
/// empty list gives one empty entry (so that using it names the missing address).
std::vector<std::string> ServerUrls(std::string_view server_url);

struct HttpReply {
    int status = 0;
    std::string content_type;
    std::string body;
};

/// One keep-alive HTTPS connection to the daemon, made on first use and remade when the
/// server closed it. The certificate is verified against the CA file and the host name; a
/// certificate that does not verify is refused with an `unavailable` error explaining why.
/// Not thread-safe: one per thread (the desk keeps it on its worker thread).
class HttpsClient {
  public:
    explicit HttpsClient(ClientOptions options);
    ~HttpsClient();
    HttpsClient(const HttpsClient&) = delete;
    HttpsClient& operator=(const HttpsClient&) = delete;

    /// Sends one request and reads the whole reply. Transport failures (refused, timeout,
    /// TLS, closed) are `unavailable` errors naming the cause; HTTP error statuses are not
    /// errors here but replies. A keep-alive connection the server had closed is reopened and
    /// the request sent once more, as that request never reached the server.
    Result<HttpReply> Send(std::string_view method, std::string_view target, std::string_view content_type,
                           std::string body, const std::vector<std::pair<std::string, std::string>>& headers = {});

    const ClientOptions& options() const { return options_; }

    /// Whether the last failed Send would fail the same way if tried again: the certificate
    /// was refused, or the URL, the CA file or the request itself cannot be used. Retrying
    /// those only delays the error.
    bool last_failure_is_permanent() const { return last_failure_permanent_; }
    /// TCP connections opened so far; keep-alive keeps this at 1 while the server keeps the
    /// connection open (for diagnostics and tests).
    std::size_t connections_opened() const;

  private:
    ClientOptions options_;
    bool last_failure_permanent_ = false;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace spoed::client
