#include "client/desk/draft_sender.hpp"

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

void DraftSender::finished(const Error* error) {
    busy_ = false;
    if (!error) {
        waiting_ = false;
        key_ = NewIdempotencyKey();
        emit status(tr("Saved."), false);
        emit sent();
        return;
    }
    if (IsUnreachable(*error) && api_.state() != ConnectionState::kCertificateRefused) {
        waiting_ = true;
        emit status(tr("Not sent yet: the server cannot be reached. It stays here and is sent as soon as the "
                       "connection is back."),
                    true);
        return;
    }
    waiting_ = false;
    emit status(Text::error(*error), true);
}

}  // namespace spoed::desk
