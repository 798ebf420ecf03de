#include "client/desk/live_events.hpp"

#include "client/core/event_stream.hpp"

namespace spoed::desk {

LiveEvents::LiveEvents(client::ClientOptions options, std::string token, QObject* parent) : QObject(parent) {
    client::EventStream::Options o;
    o.client = std::move(options);
    o.token = std::move(token);
    stream_ = std::make_unique<client::EventStream>(
        o,
        [this](const v1::Event& e) {
            QMetaObject::invokeMethod(
                this, [this, e] { emit eventReceived(e); }, Qt::QueuedConnection);
        },
        [this](client::EventStream::State s, const std::string& detail) {
            QString d = QString::fromStdString(detail);
            QMetaObject::invokeMethod(
                this,
                [this, s, d] {
                    connected_ = s == client::EventStream::State::kConnected;
                    if (s == client::EventStream::State::kUnauthorized) emit unauthorized();
                    emit connectedChanged(connected_, d);
                },
                Qt::QueuedConnection);
        });
}

LiveEvents::~LiveEvents() {
    // Stop() joins the stream's thread; no callback runs after it, so nothing is posted to a
    // destroyed object.
    stream_->Stop();
}

void LiveEvents::start() { stream_->Start(); }

}  // namespace spoed::desk
