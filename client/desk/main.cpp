// spoed-desk: the desktop client. All of it lives in spoed_desk_lib; this only starts it.
#include <QApplication>

#include "client/desk/desk_app.hpp"

int main(int argc, char** argv) {
    spoed::desk::DeskOptions options;
    if (auto rc = spoed::desk::ParseCommandLine(argc, argv, options)) return *rc;
    QApplication app(argc, argv);
    return spoed::desk::RunDesk(app, options);
}
