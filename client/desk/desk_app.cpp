#include "client/desk/desk_app.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

#include "client/desk/login_window.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"

namespace spoed::desk {

namespace {

void SetNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("Spoed"));
    QCoreApplication::setApplicationName(QStringLiteral("spoed-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPOED_VERSION));
}

}  // namespace

std::optional<int> ParseCommandLine(int argc, char** argv, DeskOptions& out) {
    // A QCoreApplication needs no display: --help answers on a server without X as well.
    QCoreApplication core(argc, argv);
    SetNames();
    // The language for the help text itself: --lang when given, else as the desk would choose.
    QString language;
    const QStringList raw = QCoreApplication::arguments();
    for (qsizetype i = 1; i < raw.size(); ++i) {
        if (raw[i] == QLatin1String("--lang") && i + 1 < raw.size()) language = raw[i + 1];
        if (raw[i].startsWith(QLatin1String("--lang="))) language = raw[i].mid(7);
    }
    language = ChooseLanguage(language.isEmpty() ? DeskSettings::Load().language : language, QLocale::system().name());
    QTranslator translator;
    QTranslator qt_translator;  // "Usage:", "Options:"
    if (translator.load(QStringLiteral(":/i18n/spoed_desk_") + language))
        QCoreApplication::installTranslator(&translator);
    if (qt_translator.load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&qt_translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "spoed::desk::CommandLine",
        "The desk of Spoed: look up youths and their plans, log crisis calls, consult the psychiatrist, "
        "hand over to regular care."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("spoed::desk::CommandLine", "Show this help and quit."));
    const QCommandLineOption version(
        QStringLiteral("version"),
        QCoreApplication::translate("spoed::desk::CommandLine", "Show the version and quit."));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("spoed::desk::CommandLine", "The server's address, e.g. https://localhost:8443."),
        QStringLiteral("URL"));
    const QCommandLineOption ca(
        QStringLiteral("ca"),
        QCoreApplication::translate("spoed::desk::CommandLine", "The CA file that signed the server's certificate."),
        QCoreApplication::translate("spoed::desk::CommandLine", "FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("spoed::desk::CommandLine", "The language: nl or en."),
                                  QStringLiteral("nl|en"));
    QCommandLineOption probe(QStringLiteral("startup-probe"));
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, server, ca, lang, probe});

    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "spoed-desk: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("spoed-desk %s\n", SPOED_VERSION);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "spoed-desk: %s\n",
                     qPrintable(QCoreApplication::translate("spoed::desk::CommandLine", "unexpected argument: %1")
                                    .arg(parser.positionalArguments().first())));
        return 2;
    }
    if (parser.isSet(lang) && parser.value(lang) != QLatin1String("nl") && parser.value(lang) != QLatin1String("en")) {
        std::fprintf(stderr, "spoed-desk: %s\n",
                     qPrintable(QCoreApplication::translate("spoed::desk::CommandLine", "--lang takes nl or en, not %1")
                                    .arg(parser.value(lang))));
        return 2;
    }
    out.server_url = parser.value(server);
    out.ca_file = parser.isSet(ca) ? QFileInfo(parser.value(ca)).absoluteFilePath() : QString();
    out.language = parser.value(lang);
    out.startup_probe = parser.isSet(probe);
    return std::nullopt;
}

void SetUpApplication(QApplication& app, const QString& language) {
    SetNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/spoed-desk.png")));
    auto settings = DeskSettings::Load();
    if (!language.isEmpty() && settings.language != language) {
        settings.language = language;
        settings.Save();
    }
    InstallTranslation(app, ChooseLanguage(settings.language, QLocale::system().name()));
}

int RunDesk(QApplication& app, const DeskOptions& options) {
    QElapsedTimer started;
    started.start();
    SetUpApplication(app, options.language);

    auto* login = new LoginWindow;
    login->setAttribute(Qt::WA_DeleteOnClose, false);
    if (!options.server_url.isEmpty()) login->serverEdit()->setText(options.server_url);
    if (!options.ca_file.isEmpty()) login->caEdit()->setText(options.ca_file);
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
    if (options.startup_probe) {
        // After the first event-loop turn the window is laid out and painted.
        QTimer::singleShot(0, &app, [&started, login] {
            std::printf("spoed-desk: log-in screen shown after %lld ms\n", static_cast<long long>(started.elapsed()));
            std::printf("spoed-desk: server %s, CA file %s\n", qPrintable(login->serverEdit()->text()),
                        qPrintable(login->caEdit()->text()));
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
