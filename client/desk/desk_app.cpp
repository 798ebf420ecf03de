#include "client/desk/desk_app.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>

#include <cstdio>

#include "client/desk/login_window.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"

namespace spoed::desk {

void SetUpApplication(QApplication& app) {
    QApplication::setOrganizationName(QStringLiteral("Spoed"));
    QApplication::setApplicationName(QStringLiteral("spoed-desk"));
    QString language = ChooseLanguage(DeskSettings::Load().language, QLocale::system().name());
    InstallTranslation(app, language);
}

int RunDesk(QApplication& app) {
    QElapsedTimer started;
    started.start();
    const bool probe = QApplication::arguments().contains(QStringLiteral("--startup-probe"));
    SetUpApplication(app);

    auto* login = new LoginWindow;
    login->setAttribute(Qt::WA_DeleteOnClose, false);
    MainWindow* main = nullptr;
    QObject::connect(login, &LoginWindow::signedIn, login, [&main, login](Session* session) {
        main = new MainWindow(session);
        main->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(main, &MainWindow::signedOut, login, [&main, login] {
            if (main) main->close();
            main = nullptr;
            login->show();
        });
        QObject::connect(main, &QObject::destroyed, login, [&main] { main = nullptr; });
        login->hide();
        main->show();
    });
    QObject::connect(&app, &QApplication::lastWindowClosed, &app, [&main] {
        if (!main) QApplication::quit();
    });
    app.setQuitOnLastWindowClosed(false);
    login->show();
    if (probe) {
        // After the first event-loop turn the window is laid out and painted.
        QTimer::singleShot(0, &app, [&started] {
            std::printf("spoed-desk: log-in screen shown after %lld ms\n", static_cast<long long>(started.elapsed()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    int rc = QApplication::exec();
    delete main;
    delete login;
    return rc;
}

}  // namespace spoed::desk
