#include "base/totp_code.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <stdexcept>

#include "base/bits.hpp"

namespace spoed {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

}  // namespace

std::string Hotp(std::string_view key, std::uint64_t counter, int digits, TotpHash hash) {
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i) {
        msg[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    const EVP_MD* md = hash == TotpHash::kSha1 ? EVP_sha1() : hash == TotpHash::kSha256 ? EVP_sha256() : EVP_sha512();
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (HMAC(md, key.data(), static_cast<int>(key.size()), msg, sizeof msg, mac, &len) == nullptr) {
        throw std::runtime_error("HMAC failed");
    }
    // Dynamic truncation (RFC 4226 §5.3).
    unsigned offset = mac[len - 1] & 0x0f;
    std::uint32_t bin = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                        (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::uint32_t mod = 1;
    for (int i = 0; i < digits; ++i) mod *= 10;
    std::string code = std::to_string(bin % mod);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t TotpStep(TimePoint t) {
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
    // Floor, also before 1970 (never in practice, but well defined).
    return seconds >= 0 ? seconds / kTotpPeriodSeconds : (seconds - kTotpPeriodSeconds + 1) / kTotpPeriodSeconds;
}

std::string Base32Encode(std::string_view bytes) { return EncodeBits(bytes, 5, kBase32); }

std::optional<std::string> Base32Decode(std::string_view text) {
    // As people copy it: spaces and padding ignored, lower case accepted.
    std::string plain;
    for (char ch : text) {
        if (ch != ' ' && ch != '=') plain += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return DecodeBits(plain, 5, kBase32);
}

}  // namespace spoed
