#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.hpp"
#include "base/totp_code.hpp"

namespace spoed::daemon::service {

using spoed::Hotp;
using spoed::kTotpDigits;
using spoed::kTotpPeriodSeconds;
using spoed::TotpCode;
using spoed::TotpHash;
using spoed::TotpStep;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

/// The step (now-1, now or now+1) whose code is `code` and that is later than `last_step`
/// (a code is accepted once); nullopt when none. Compares in constant time.
std::optional<std::int64_t> MatchTotp(std::string_view key, std::string_view code, TimePoint now,
                                      std::int64_t last_step);

using spoed::Base32Decode;
using spoed::Base32Encode;

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
