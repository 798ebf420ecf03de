#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>

#include "client/core/https_client.hpp"
#include "spoed/v1/event.pb.h"

namespace spoed::client {
class EventStream;
}

namespace spoed::desk {

/// The daemon's live events for the UI thread: wraps client::EventStream (which runs on its
/// own thread) and re-emits its callbacks as queued signals.
class LiveEvents : public QObject {
    Q_OBJECT
  public:
    LiveEvents(client::ClientOptions options, std::string token, QObject* parent = nullptr);
    ~LiveEvents() override;
    void start();
    bool connected() const { return connected_; }

  signals:
    void eventReceived(const spoed::v1::Event& event);
    void connectedChanged(bool connected, const QString& detail);
    void unauthorized();

  private:
    std::unique_ptr<client::EventStream> stream_;
    bool connected_ = false;
};

}  // namespace spoed::desk
