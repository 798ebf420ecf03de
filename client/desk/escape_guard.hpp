#pragma once

class QDialog;

namespace spoed::desk {

/// Escape never throws away what was typed: in `dialog`, Escape closes only while no text field
/// holds text the user typed (text filled in by the desk does not count). Cancel still closes.
void KeepTypedTextOnEscape(QDialog* dialog);

}  // namespace spoed::desk
