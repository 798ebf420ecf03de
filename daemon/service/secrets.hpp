#pragma once

#include <cstdint>
#include <semaphore>
#include <string>
#include <string_view>

#include "daemon/base/result.hpp"

namespace spoed::daemon::service {

/// Argon2id password hashing (OWASP: m=19 MiB, t=2, p=1 at least). At most `max_concurrent`
/// hashes run at once, so a flood of logins queues instead of exhausting memory.
class PasswordHasher {
public:
    struct Params {
        std::uint32_t memory_kib = 19 * 1024;
        std::uint32_t iterations = 2;
        std::uint32_t parallelism = 1;
        int max_concurrent = 2;
    };
    explicit PasswordHasher(Params params);
    PasswordHasher() : PasswordHasher(Params{}) {}

    /// The encoded Argon2id string ($argon2id$v=19$m=...); internal error when hashing fails.
    Result<std::string> Hash(std::string_view password);
    /// True when `password` matches `encoded`. An empty `encoded` (unknown user) is checked
    /// against a dummy hash so that the answer takes as long as for a real user.
    bool Verify(std::string_view encoded, std::string_view password);

    const Params& params() const { return params_; }

private:
    Params params_;
    std::counting_semaphore<64> slots_;
    std::string dummy_hash_;
};

/// 256 random bits as unpadded base64url: a bearer token.
std::string NewToken();

/// `bytes` written `width` bits (5 for base32, 6 for base64) per character of `alphabet`,
/// most significant first, the last character padded with zero bits; no '=' padding.
std::string EncodeBits(std::string_view bytes, int width, std::string_view alphabet);
/// SHA-256, raw bytes.
std::string Sha256(std::string_view bytes);
/// SHA-256 of a token, raw bytes: what the store keeps.
inline std::string TokenHash(std::string_view token) { return Sha256(token); }
/// A random one-time password of 20 characters from an alphabet without look-alikes.
std::string NewOneTimePassword();

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;
/// Length 12 to 1024 characters (counted as UTF-8 code points); no composition rules.
Status ValidateNewPassword(std::string_view field, std::string_view password);

}  // namespace spoed::daemon::service
