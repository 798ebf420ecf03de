#include "client/desk/phone_format.hpp"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <array>

namespace spoed::desk {
namespace {

// Dutch geographic area codes with two digits after the 0 (the rest have three).
constexpr std::array<int, 30> kTwoDigitAreas = {10, 13, 15, 20, 23, 24, 26, 30, 33, 35, 36, 38, 40, 43, 45,
                                                46, 50, 53, 55, 58, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79};

}  // namespace

QString DutchPhone(const QString& number) {
    QString digits;
    for (QChar c : number) {
        if (c.isDigit() || (c == QLatin1Char('+') && digits.isEmpty())) {
            digits += c;
        } else if (!QStringLiteral(" -.()/").contains(c)) {
            return number;  // not a phone number
        }
    }
    if (digits.startsWith(QLatin1String("0031"))) digits = QLatin1Char('+') + digits.mid(2);
    if (digits.startsWith(QLatin1String("+31"))) digits = QLatin1Char('0') + digits.mid(3);
    if (digits.startsWith(QLatin1Char('+'))) {
        return digits.size() > 3 ? digits.left(3) + QLatin1Char(' ') + digits.mid(3) : number;
    }
    if (digits.size() != 10 || !digits.startsWith(QLatin1Char('0'))) return number;
    // Mobile, and the non-geographic 08x/09x service numbers with three digits (088, 085, 084).
    if (digits.startsWith(QLatin1String("06"))) return digits.left(2) + QLatin1Char('-') + digits.mid(2);
    if (digits.startsWith(QLatin1String("08")) || digits.startsWith(QLatin1String("09"))) {
        return digits.left(3) + QLatin1Char('-') + digits.mid(3);
    }
    const int area = digits.mid(1, 2).toInt();
    for (int a : kTwoDigitAreas) {
        if (a == area) return digits.left(3) + QLatin1Char('-') + digits.mid(3);
    }
    return digits.left(4) + QLatin1Char('-') + digits.mid(4);
}

QString PhoneCopyLink(const QString& number) {
    const QString shown = DutchPhone(number).toHtmlEscaped();
    return QStringLiteral("<a href='copy:%1'>%1</a>").arg(shown);
}

void CopyPhoneLinks(QLabel* label) {
    QObject::connect(label, &QLabel::linkActivated, label, [](const QString& link) {
        if (link.startsWith(QLatin1String("copy:"))) QGuiApplication::clipboard()->setText(link.mid(5));
    });
}

}  // namespace spoed::desk
