#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <string>

#include "client/desk/api.hpp"

namespace spoed::desk {

/// One create that must reach the server exactly once: it keeps the draft's idempotency key
/// until the server has answered. When the server was unreachable the draft stays in its form
/// and is sent again — with the same key — as soon as the Api reports the connection is back,
/// so nothing typed is lost and nothing is written twice.
class DraftSender : public QObject {
    Q_OBJECT
public:
    /// `send` makes the call from the form's current contents with the given key and reports
    /// the outcome through finished().
    using Send = std::function<void(const std::string& key)>;

    DraftSender(Api& api, Send send, QObject* parent = nullptr);

    const std::string& key() const { return key_; }
    bool waiting() const { return waiting_; }
    bool busy() const { return busy_; }

    /// Sends the draft now (ignored while a send is on its way).
    void submit();
    /// The answer to a send: nullptr on success (a new draft with a new key begins).
    void finished(const Error* error);

signals:
    void sent();
    /// A message for the form's status line ("waiting for the connection…", the error).
    void status(const QString& text, bool is_error);

private:
    Api& api_;
    Send send_;
    std::string key_;
    bool waiting_ = false;
    bool busy_ = false;
};

}  // namespace spoed::desk
