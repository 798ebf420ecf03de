#include "client/desk/api.hpp"

namespace spoed::desk {

/// One lane: a thread, an object living on it to receive queued jobs, and the Client that
/// only this thread touches.
struct Api::Worker {
    explicit Worker(const client::ClientOptions& options, const char* name) : client(options) {
        thread.setObjectName(name);
        context.moveToThread(&thread);
        thread.start();
    }
    ~Worker() {
        thread.quit();
        thread.wait();
    }
    QThread thread;
    QObject context;
    client::Client client;
};

Api::Api(client::ClientOptions options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      main_(std::make_unique<Worker>(options_, "spoed-desk-rpc")),
      search_(std::make_unique<Worker>(options_, "spoed-desk-search")) {
    probe_.setInterval(3000);
    connect(&probe_, &QTimer::timeout, this, &Api::probe);
}

Api::~Api() = default;

void Api::setToken(const std::string& token) {
    for (Worker* w : {main_.get(), search_.get()}) {
        QMetaObject::invokeMethod(
            &w->context, [w, token] { w->client.SetToken(token); }, Qt::QueuedConnection);
    }
}

void Api::post(Lane lane, Job job) {
    Worker* w = lane == Lane::kSearch ? search_.get() : main_.get();
    ++pending_;
    QMetaObject::invokeMethod(
        &w->context, [w, job = std::move(job)] { job(w->client); }, Qt::QueuedConnection);
}

bool IsUnreachable(const Error& error) {
    return error.code == ErrorCode::kUnavailable || error.code == ErrorCode::kDeadlineExceeded;
}

void Api::noteResult(const Error* error, bool permanent, const std::string& server) {
    if (pending_ > 0) --pending_;
    // The server answered (an error answer too): it is the one the status bar names.
    if (!server.empty() && server != server_ && (!error || !IsUnreachable(*error))) {
        server_ = server;
        if (state_ == ConnectionState::kOnline) emit stateChanged(state_, detail_);
    }
    if (!error) {
        if (state_ != ConnectionState::kOnline) {
            bool was_unreachable = state_ == ConnectionState::kUnreachable;
            setState(ConnectionState::kOnline, {});
            if (was_unreachable) emit reconnected();
        }
        return;
    }
    if (error->code == ErrorCode::kUnauthenticated) {
        // Said once: every call in flight may come back refused.
        const bool first = state_ != ConnectionState::kSignedOut;
        setState(ConnectionState::kSignedOut, QString::fromStdString(error->message));
        if (first) emit signedOut();
    } else if (IsUnreachable(*error)) {
        setState(permanent ? ConnectionState::kCertificateRefused : ConnectionState::kUnreachable,
                 QString::fromStdString(error->message));
    }
}

void Api::setState(ConnectionState s, const QString& detail) {
    bool changed = s != state_ || detail != detail_;
    state_ = s;
    detail_ = detail;
    if (s == ConnectionState::kUnreachable) {
        if (!probe_.isActive()) probe_.start();
    } else {
        probe_.stop();
    }
    if (changed) emit stateChanged(s, detail);
}

void Api::probe() {
    // A plain GET on the main lane: it queues behind any call in flight, which is what we
    // want — the answer then says whether the server is back.
    ++pending_;
    Worker* w = main_.get();
    QMetaObject::invokeMethod(
        &w->context,
        [this, w] {
            auto reply = w->client.Get("/healthz");
            bool ok = reply.ok();
            std::string message = ok ? std::string() : reply.error().message;
            QMetaObject::invokeMethod(
                this,
                [this, ok, message, server = w->client.server_url()] {
                    Error e = Error::Unavailable(message);
                    noteResult(ok ? nullptr : &e, false, server);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

}  // namespace spoed::desk
