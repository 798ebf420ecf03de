// main() of the gui tests: a QApplication on the offscreen platform (no display needed), with
// QSettings kept apart from the user's own, and the Dutch interface like a real desk.
// ctest runs each test in its own process, several at once: every process gets its own
// settings directory, so one test's log-in never overwrites what another test reads back.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include "client/desk/desk_app.hpp"
#include "client/desk/settings.hpp"

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The desk's data (its sealed drafts) in a folder of this process's own, gone afterwards:
    // a draft left by one test is never offered to another.
    QTemporaryDir settings_dir;
    if (!settings_dir.isValid()) return 2;
    qputenv("XDG_DATA_HOME", QFile::encodeName(settings_dir.path() + QStringLiteral("/data")));
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    spoed::desk::SetUpApplication(app);
    spoed::desk::InstallTranslation(app, QStringLiteral("nl"));  // whatever the machine's locale
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir.path());
    QApplication::setOrganizationName(QStringLiteral("spoed-desk-test"));
    return RUN_ALL_TESTS();
}
