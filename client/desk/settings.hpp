#pragma once

#include <QString>

class QApplication;

namespace spoed::desk {

/// What the desk remembers between runs (QSettings): the server, the CA file, the last user
/// name and the language. Never a password or a session token.
struct DeskSettings {
    QString server_url;
    QString ca_file;
    QString last_user;
    QString language;  // "nl", "en" or empty: from the system locale

    static DeskSettings Load();
    void Save() const;
};

/// The device token the server gave this user on this desk (LoginResponse.device_token), or
/// "" when none: sent with the next log-in, so that failed log-ins from elsewhere do not lock
/// this desk out. It signs nobody in by itself.
QString DeviceToken(const QString& server_url, const QString& user);
void SetDeviceToken(const QString& server_url, const QString& user, const QString& token);

/// "nl" or "en": the setting when there is one, else English for an English system locale and
/// Dutch otherwise (the crisis line is Dutch).
QString ChooseLanguage(const QString& setting, const QString& system_locale_name);

/// Loads the compiled translation for `language` into the application; returns false when
/// none was found (the English source texts then show).
bool InstallTranslation(QApplication& app, const QString& language);

}  // namespace spoed::desk
