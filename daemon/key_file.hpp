#pragma once

#include <string>

namespace spoed::daemon {

/// Reads a 256-bit key written as 64 hex digits (e.g. `openssl rand -hex 32 > FILE`). When the
/// file is missing and `create` is true, makes one (mode 0600, like the development
/// certificate's key). Throws std::runtime_error with a message for the operator when the file
/// cannot be read or made, is not 64 hex digits, or can be read by others than its owner.
std::string LoadOrCreateKeyFile(const std::string& path, bool create);

}  // namespace spoed::daemon
