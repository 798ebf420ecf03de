#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "daemon/base/clock.hpp"

namespace spoed::daemon::service {

/// TOTP (RFC 6238) as Spoed uses it: HMAC-SHA-1, 6 digits, 30-second steps, one step of clock
/// drift either way. The hash choice exists for the RFC's own test vectors.
enum class TotpHash { kSha1, kSha256, kSha512 };

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpPeriodSeconds = 30;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

/// RFC 4226 HOTP: the `digits`-digit code for `counter` under `key` (raw bytes).
std::string Hotp(std::string_view key, std::uint64_t counter, int digits = kTotpDigits,
                 TotpHash hash = TotpHash::kSha1);
/// The 30-second step a moment falls in: floor(Unix seconds / 30).
std::int64_t TotpStep(TimePoint t);
/// The code of one step.
inline std::string TotpCode(std::string_view key, std::int64_t step) {
    return Hotp(key, static_cast<std::uint64_t>(step));
}
/// The step (now-1, now or now+1) whose code is `code` and that is later than `last_step`
/// (a code is accepted once); nullopt when none. Compares in constant time.
std::optional<std::int64_t> MatchTotp(std::string_view key, std::string_view code, TimePoint now,
                                      std::int64_t last_step);

/// RFC 4648 base32 without padding (what authenticator apps take), and back; decoding ignores
/// spaces and case, and answers nullopt for anything else that is not base32.
std::string Base32Encode(std::string_view bytes);
std::optional<std::string> Base32Decode(std::string_view text);

/// A fresh random secret of kTotpSecretBytes.
std::string NewTotpSecret();
/// otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

/// AES-256-GCM with one key: seals small secrets for storage. Each seal has a fresh 96-bit
/// nonce; `context` (e.g. "totp:user:12") is authenticated too, so a sealed value copied to
/// another row does not open there.
class SecretBox {
public:
    /// `key`: 32 raw bytes. Throws std::invalid_argument otherwise.
    explicit SecretBox(std::string key);
    /// version byte 1 | nonce (12) | ciphertext | tag (16).
    std::string Seal(std::string_view plain, std::string_view context) const;
    /// nullopt when the value was not sealed with this key and context, or was altered.
    std::optional<std::string> Open(std::string_view sealed, std::string_view context) const;

private:
    std::string key_;
};

}  // namespace spoed::daemon::service
