#pragma once

#include <QString>

class QLabel;

namespace spoed::desk {

/// A phone number the way Dutch people write and dial it: "+31612345678" → "06-12345678",
/// "+31501234567" → "050-1234567", "+31592123456" → "0592-123456", "0800-1234" stays.
/// Numbers from abroad keep their "+" form with the country code apart ("+49 301234567");
/// anything that is not a number is returned as it was.
QString DutchPhone(const QString& number);

/// The number in Dutch form as a rich-text link ("copy:06-12345678") that `CopyPhoneLinks` copies.
QString PhoneCopyLink(const QString& number);

/// One click on a `PhoneCopyLink` in `label` puts the number on the clipboard.
void CopyPhoneLinks(QLabel* label);

}  // namespace spoed::desk
