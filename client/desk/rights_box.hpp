#pragma once

#include <QGroupBox>
#include <cstdint>
#include <functional>

#include "spoed/v1/youth.pb.h"

class QLabel;
class QPushButton;

namespace spoed::desk {

class Session;

/// The rights of the youth and the parents, beside the coordinator's view of a youth: the
/// statements (verklaringen) added to the record, a new statement, and the inzage export as a
/// Dutch HTML document with the same data as JSON beside it.
class RightsBox : public QGroupBox {
    Q_OBJECT
  public:
    RightsBox(Session& session, QWidget* parent = nullptr);
    /// The youth shown, with the statements GetYouth gave.
    void setYouth(const v1::GetYouthResponse& youth);
    QLabel* statementsLabel() const { return statements_; }
    QPushButton* statementButton() const { return add_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* destructionButton() const { return destroy_; }
    QLabel* statusLabel() const { return status_; }
    /// Asks the server for the export and writes it to `html_path` and the same path ending
    /// in .json; exportFinished(true) when both are written.
    void exportTo(const QString& html_path);

  signals:
    void statementAdded();
    /// A destruction request was registered (and, when granted, carried out).
    void destructionRecorded();
    void exportFinished(bool ok);

  private:
    void addStatement();
    void recordDestruction();
    /// Reads the youth again and shows what the record now holds.
    void reload(const QString& status, const std::function<void()>& then);
    Session& session_;
    std::int64_t youth_id_ = 0;
    QString youth_name_;
    QLabel* statements_;
    QPushButton* add_;
    QPushButton* export_;
    QPushButton* destroy_;
    QLabel* status_;
};

}  // namespace spoed::desk
