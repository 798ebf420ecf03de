#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace spoed::desk {

/// One CSV line (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
QString CsvLine(const QStringList& cells);
/// Writes `data` as the whole file at `path`, aside and renamed at the end: false (and nothing
/// half-written under `path`) when it cannot be written.
bool WriteWholeFile(const QString& path, const QByteArray& data);
/// Writes a header and rows as UTF-8 CSV with CRLF line ends; returns false (and leaves
/// nothing half-written under `path`) when the file cannot be written.
bool WriteCsv(const QString& path, const QStringList& header, const std::vector<QStringList>& rows);

}  // namespace spoed::desk
