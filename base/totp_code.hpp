#pragma once

// The arithmetic of one-time codes, shared by the server (which checks them) and spoedctl
// (which shows them for scripts): no secrets are kept here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"

namespace spoed {

/// TOTP (RFC 6238) as Spoed uses it: HMAC-SHA-1, 6 digits, 30-second steps, one step of clock
/// drift either way. The hash choice exists for the RFC's own test vectors.
enum class TotpHash { kSha1, kSha256, kSha512 };

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpPeriodSeconds = 30;

/// RFC 4226 HOTP: the `digits`-digit code for `counter` under `key` (raw bytes).
std::string Hotp(std::string_view key, std::uint64_t counter, int digits = kTotpDigits,
                 TotpHash hash = TotpHash::kSha1);
/// The 30-second step a moment falls in: floor(Unix seconds / 30).
std::int64_t TotpStep(TimePoint t);
/// The code of one step.
inline std::string TotpCode(std::string_view key, std::int64_t step) {
    return Hotp(key, static_cast<std::uint64_t>(step));
}

/// RFC 4648 base32 without padding (what authenticator apps take), and back; decoding ignores
/// spaces and case, and answers nullopt for anything else that is not base32.
std::string Base32Encode(std::string_view bytes);
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace spoed
