#include "client/desk/escape_guard.hpp"

#include <QDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace spoed::desk {
namespace {

class EscapeGuard : public QObject {
  public:
    explicit EscapeGuard(QDialog* dialog) : QObject(dialog), dialog_(dialog) {}

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && typed()) {
            return true;  // swallowed: the dialog stays, with its text
        }
        return QObject::eventFilter(watched, event);
    }

  private:
    bool typed() const {
        for (auto* e : dialog_->findChildren<QLineEdit*>()) {
            if (e->isModified() && !e->text().isEmpty()) return true;
        }
        for (auto* e : dialog_->findChildren<QPlainTextEdit*>()) {
            if (e->document()->isModified() && !e->toPlainText().isEmpty()) return true;
        }
        return false;
    }

    QDialog* dialog_;
};

}  // namespace

void KeepTypedTextOnEscape(QDialog* dialog) {
    auto* guard = new EscapeGuard(dialog);
    // On every child: a key pressed in a field reaches the dialog only after the field.
    dialog->installEventFilter(guard);
    for (auto* child : dialog->findChildren<QWidget*>()) child->installEventFilter(guard);
}

}  // namespace spoed::desk
