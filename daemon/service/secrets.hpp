#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/bits.hpp"
#include "base/result.hpp"
#include "base/worker_pool.hpp"

namespace spoed::daemon::service {

/// Argon2id password hashing (OWASP: m=19 MiB, t=2, p=1 at least) on a pool of its own:
/// `max_concurrent` threads at a lower CPU priority (nice 10), so a flood of log-ins neither exhausts memory nor takes
/// the CPU from the calls of the team, and a bounded queue, so it cannot hold the daemon's workers either: when
/// `max_queued` checks already wait, the next one is refused at once (`unavailable`). Urgent checks (a device that
/// signed in before) go first and have `urgent_reserve` places of their own.
class PasswordHasher {
  public:
    struct Params {
        std::uint32_t memory_kib = 19 * 1024;
        std::uint32_t iterations = 2;
        std::uint32_t parallelism = 1;
        int max_concurrent = 2;
        int max_queued = 16;
        int urgent_reserve = 8;
        int nice = 10;
    };
    explicit PasswordHasher(Params params);
    PasswordHasher() : PasswordHasher(Params{}) {}
    ~PasswordHasher();

    /// The encoded Argon2id string ($argon2id$v=19$m=...); internal error when hashing fails,
    /// `unavailable` when too many hashes wait.
    Result<std::string> Hash(std::string_view password);
    /// True when `password` matches `encoded`; `unavailable` when too many checks wait. An
    /// empty `encoded` (unknown user) is checked against a dummy hash so that the answer takes
    /// as long as for a real user.
    Result<bool> Verify(std::string_view encoded, std::string_view password, bool urgent = false);
    /// How long one check takes here (a running average; a first guess before any): what a
    /// refusal that must not be faster than a check waits.
    std::chrono::milliseconds TypicalCost() const;

    const Params& params() const { return params_; }

  private:
    template <typename F>
    auto OnPool(bool urgent, F&& job) -> decltype(job());
    void Observe(std::chrono::steady_clock::duration took);

    Params params_;
    WorkerPool pool_;
    std::atomic<std::int64_t> typical_us_{50'000};
    std::string dummy_hash_;
};

/// HMAC-SHA-256, raw bytes.
std::string HmacSha256(std::string_view key, std::string_view bytes);
/// Unpadded base64url and back; nullopt when `text` is not base64url.
std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

/// `n` bytes from the CSPRNG.
std::string RandomBytes(std::size_t n);
/// 256 random bits as unpadded base64url: a bearer token.
std::string NewToken();

using spoed::DecodeBits;
using spoed::EncodeBits;
using spoed::Hex;
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
