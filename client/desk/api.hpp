#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "client/core/client.hpp"

namespace spoed::desk {

/// What the desk knows about its line to the daemon; always shown in the status bar.
enum class ConnectionState {
    kOnline,              // the last call reached the server
    kUnreachable,         // the server did not answer; calls wait, drafts stay, a probe retries
    kCertificateRefused,  // the server's certificate did not verify: nothing is sent, ever
    kSignedOut,           // the token was refused (session ended or expired)
};

/// The desk's way to the daemon. Every call runs on a worker thread that owns its own
/// client::Client (which is not thread-safe); the answer comes back on the UI thread through
/// the event loop, so the UI thread never waits on the network. Two lanes, each a thread:
/// kMain for everything in order, kSearch for the look-up-as-you-type, so a search never
/// queues behind a slow write.
class Api : public QObject {
    Q_OBJECT
  public:
    enum class Lane { kMain, kSearch };

    explicit Api(client::ClientOptions options, QObject* parent = nullptr);
    ~Api() override;

    /// Sets the bearer token on both lanes (kept in memory only).
    void setToken(const std::string& token);
    const client::ClientOptions& options() const { return options_; }

    /// Calls one RPC (`v1::rpc::CaseService::GetCase`) off the UI thread and hands the result
    /// to `done` on the UI thread, unless `receiver` was destroyed meanwhile.
    template <typename Req, typename Resp>
    void call(QObject* receiver, const v1::rpc::Method<Req, Resp>& rpc, const std::type_identity_t<Req>& request,
              std::type_identity_t<std::function<void(const Result<Resp>&)>> done, Lane lane = Lane::kMain) {
        QPointer<QObject> guard(receiver);
        auto job = [this, rpc, request, guard, done = std::move(done)](client::Client& c) mutable {
            auto result = std::make_shared<Result<Resp>>(c.Call(rpc, request));
            bool permanent = !result->ok() && c.last_failure_is_permanent();
            QMetaObject::invokeMethod(
                this,
                [this, result, permanent, guard, done = std::move(done), server = c.server_url()] {
                    noteResult(result->ok() ? nullptr : &result->error(), permanent, server);
                    if (guard) done(*result);
                },
                Qt::QueuedConnection);
        };
        post(lane, std::move(job));
    }

    ConnectionState state() const { return state_; }
    /// The server that answered last (one of several when the address lists more than one).
    const std::string& server() const { return server_.empty() ? options_.server_url : server_; }
    /// The desk starts without the server (the offline copy): unreachable until a probe answers.
    void markUnreachable(const QString& detail) { setState(ConnectionState::kUnreachable, detail); }
    QString stateDetail() const { return detail_; }
    /// How often an unreachable server is probed (GET /healthz); tests make it short.
    void setProbeInterval(int ms) { probe_.setInterval(ms); }
    /// Calls still on their way (for tests and the status bar).
    int pending() const { return pending_; }

  signals:
    void stateChanged(spoed::desk::ConnectionState state, const QString& detail);
    /// The server answers again after having been unreachable: drafts that wait are sent now.
    void reconnected();
    /// A call was refused for want of a valid session (once, however many calls come back refused).
    void signedOut();

  private:
    using Job = std::function<void(client::Client&)>;
    struct Worker;
    void post(Lane lane, Job job);
    void noteResult(const Error* error, bool permanent, const std::string& server = {});
    void setState(ConnectionState s, const QString& detail);
    void probe();

    client::ClientOptions options_;
    std::unique_ptr<Worker> main_;
    std::unique_ptr<Worker> search_;
    ConnectionState state_ = ConnectionState::kOnline;
    QString detail_;
    std::string server_;  // the one that answered last
    QTimer probe_;
    int pending_ = 0;
};

/// True for failures where the server was not reached (the draft should wait and be sent
/// again with the same idempotency key), false where the server answered.
bool IsUnreachable(const Error& error);

}  // namespace spoed::desk
