#include "client/desk/csv.hpp"

#include <QSaveFile>

namespace spoed::desk {

QString CsvLine(const QStringList& cells) {
    QStringList out;
    for (QString c : cells) {
        bool quote = c.contains(QLatin1Char(',')) || c.contains(QLatin1Char('"')) || c.contains(QLatin1Char('\n')) ||
                     c.contains(QLatin1Char('\r'));
        c.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        out << (quote ? QLatin1Char('"') + c + QLatin1Char('"') : c);
    }
    return out.join(QLatin1Char(','));
}

bool WriteWholeFile(const QString& path, const QByteArray& data) {
    QSaveFile file(path);  // written aside and renamed at commit: never half a file
    if (!file.open(QIODevice::WriteOnly)) return false;
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

bool WriteCsv(const QString& path, const QStringList& header, const std::vector<QStringList>& rows) {
    QByteArray data = CsvLine(header).toUtf8() + "\r\n";
    for (const auto& r : rows) data += CsvLine(r).toUtf8() + "\r\n";
    return WriteWholeFile(path, data);
}

}  // namespace spoed::desk
