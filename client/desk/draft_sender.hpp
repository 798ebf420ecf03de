#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>
#include <string>

#include "client/desk/api.hpp"

class QTimer;

namespace spoed::desk {

class DraftStore;

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

    /// Keeps the form's unsent text on disk, sealed, under `slot` until the server has it.
    /// `capture` reads the form (its top-level strings are the typed text: without any, there is
    /// nothing to keep; settings such as an urgency go in a nested object),
    /// `restore` fills it in again; a draft already kept under `slot` is restored at once, with
    /// its idempotency key. `label` names the draft when it is offered back at log-in.
    void persist(DraftStore* store, const QString& slot, std::function<QJsonObject()> capture,
                 const std::function<void(const QJsonObject&)>& restore, std::function<QString()> label);
    /// The form changed: it is kept on disk a moment later.
    void changed();
    /// Whether the form holds text the server does not have yet.
    bool unsent() const;
    /// Writes the draft to disk now (before a tab or the desk closes).
    void keepNow();

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
    DraftStore* store_ = nullptr;
    QString slot_;
    std::function<QString()> label_;
    std::function<QJsonObject()> capture_;
    QTimer* keep_timer_ = nullptr;
};

}  // namespace spoed::desk
