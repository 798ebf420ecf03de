// main() of the gui tests: a QApplication on the offscreen platform (no display needed), with
// QSettings kept apart from the user's own, and the Dutch interface like a real desk.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

#include "client/desk/desk_app.hpp"
#include "client/desk/settings.hpp"

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    spoed::desk::SetUpApplication(app);
    spoed::desk::InstallTranslation(app, QStringLiteral("nl"));  // whatever the machine's locale
    QApplication::setOrganizationName(QStringLiteral("spoed-desk-test"));
    QSettings().clear();
    return RUN_ALL_TESTS();
}
