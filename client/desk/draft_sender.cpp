#include "client/desk/draft_sender.hpp"

#include <QTimer>

#include "client/desk/draft_store.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {

DraftSender::DraftSender(Api& api, Send send, QObject* parent)
    : QObject(parent), api_(api), send_(std::move(send)), key_(NewIdempotencyKey()) {
    connect(&api_, &Api::reconnected, this, [this] {
        if (waiting_) submit();
    });
}

void DraftSender::submit() {
    if (busy_) return;
    busy_ = true;
    emit status(waiting_ ? tr("Connection is back: sending…") : tr("Sending…"), false);
    send_(key_);
}

namespace {

/// Typed text: the top-level strings (nested objects hold the form's settings).
bool HasText(const QJsonObject& o) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isString() && !it.value().toString().trimmed().isEmpty()) return true;
    }
    return false;
}

}  // namespace

void DraftSender::persist(DraftStore* store, const QString& slot, std::function<QJsonObject()> capture,
                          const std::function<void(const QJsonObject&)>& restore, std::function<QString()> label) {
    // Called again for the next consult of a queue: the form now belongs to another slot.
    if (keep_timer_) keep_timer_->stop();
    store_ = store;
    slot_ = slot;
    label_ = std::move(label);
    capture_ = std::move(capture);
    key_ = NewIdempotencyKey();
    if (!store_) return;
    if (!keep_timer_) {
        keep_timer_ = new QTimer(this);
        keep_timer_->setSingleShot(true);
        keep_timer_->setInterval(400);
        connect(keep_timer_, &QTimer::timeout, this, &DraftSender::keepNow);
    }
    if (auto kept = store_->get(slot_)) {
        key_ = kept->key;  // the same key: written once, however often it is sent
        restore(kept->fields);
        emit status(tr("Text that was not sent yet is back. Check it and save it."), false);
    }
}

void DraftSender::changed() {
    if (keep_timer_) keep_timer_->start();
}

bool DraftSender::unsent() const { return waiting_ || (capture_ && HasText(capture_())); }

void DraftSender::keepNow() {
    if (!store_) return;
    if (keep_timer_) keep_timer_->stop();
    if (!capture_ || !HasText(capture_())) {
        if (!waiting_) store_->remove(slot_);
        return;
    }
    store_->put(DraftStore::Draft{slot_, key_, capture_(), label_ ? label_() : QString(), {}});
}

void DraftSender::finished(const Error* error) {
    busy_ = false;
    if (!error) {
        waiting_ = false;
        if (store_) {
            if (keep_timer_) keep_timer_->stop();
            store_->remove(slot_);
        }
        key_ = NewIdempotencyKey();
        emit status(tr("Saved."), false);
        emit sent();
        return;
    }
    if (IsUnreachable(*error) && api_.state() != ConnectionState::kCertificateRefused) {
        waiting_ = true;
        keepNow();
        emit status(tr("Not sent yet: the server cannot be reached. It stays here and is sent as soon as the "
                       "connection is back."),
                    true);
        return;
    }
    waiting_ = false;
    emit status(Text::error(*error), true);
}

}  // namespace spoed::desk
