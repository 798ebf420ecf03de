#include "client/desk/settings.hpp"

#include <QApplication>
#include <QCryptographicHash>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace spoed::desk {

DeskSettings DeskSettings::Load() {
    QSettings s;
    DeskSettings d;
    d.server_url = s.value(QStringLiteral("server/url"), QStringLiteral("https://localhost:8443")).toString();
    d.ca_file = s.value(QStringLiteral("server/ca_file")).toString();
    d.last_user = s.value(QStringLiteral("login/last_user")).toString();
    d.language = s.value(QStringLiteral("ui/language")).toString();
    return d;
}

void DeskSettings::Save() const {
    QSettings s;
    s.setValue(QStringLiteral("server/url"), server_url);
    s.setValue(QStringLiteral("server/ca_file"), ca_file);
    s.setValue(QStringLiteral("login/last_user"), last_user);
    s.setValue(QStringLiteral("ui/language"), language);
}

namespace {

/// One key per server and user, without either's text in the settings file.
QString DeviceKey(const QString& server_url, const QString& user) {
    QByteArray id =
        QCryptographicHash::hash((server_url + QLatin1Char('\n') + user).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("devices/") + QString::fromLatin1(id.toHex().left(32));
}

}  // namespace

QString DeviceToken(const QString& server_url, const QString& user) {
    return QSettings().value(DeviceKey(server_url, user)).toString();
}

void SetDeviceToken(const QString& server_url, const QString& user, const QString& token) {
    QSettings().setValue(DeviceKey(server_url, user), token);
}

QString ChooseLanguage(const QString& setting, const QString& system_locale_name) {
    if (setting == QLatin1String("nl") || setting == QLatin1String("en")) return setting;
    return system_locale_name.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("nl");
}

bool InstallTranslation(QApplication& app, const QString& language) {
    // One translator for the life of the application; loading again replaces its texts.
    static QTranslator* translator = nullptr;
    if (translator) {
        QApplication::removeTranslator(translator);
    } else {
        translator = new QTranslator(&app);
    }
    QLocale::setDefault(QLocale(language == QLatin1String("en") ? QLocale::English : QLocale::Dutch,
                                language == QLatin1String("en") ? QLocale::UnitedKingdom : QLocale::Netherlands));
    // Qt's own texts (file dialogs, context menus, "Cancel") from Debian's qt6-translations-l10n.
    static QTranslator* qt_translator = nullptr;
    if (qt_translator) {
        QApplication::removeTranslator(qt_translator);
    } else {
        qt_translator = new QTranslator(&app);
    }
    if (qt_translator->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt_translator);
    }
    if (!translator->load(QStringLiteral(":/i18n/spoed_desk_") + language)) return false;
    QApplication::installTranslator(translator);
    return true;
}

}  // namespace spoed::desk
