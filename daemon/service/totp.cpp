#include "daemon/service/totp.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>

#include "daemon/service/secrets.hpp"

namespace spoed::daemon::service {
namespace {

constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr unsigned char kSealVersion = 1;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;

/// Percent-encoding for the label and parameters of an otpauth URI.
std::string UriEscape(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '.' || c == '_' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        }
    }
    return out;
}

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

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

std::optional<std::int64_t> MatchTotp(std::string_view key, std::string_view code, TimePoint now,
                                      std::int64_t last_step) {
    if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
    std::int64_t current = TotpStep(now);
    std::optional<std::int64_t> found;
    // Every candidate is computed and compared, whatever matches, so timing tells nothing.
    for (std::int64_t step = current - 1; step <= current + 1; ++step) {
        std::string expected = TotpCode(key, step);
        bool same = CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0;
        if (same && step > last_step && !found) found = step;
    }
    return found;
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

std::string NewTotpSecret() { return RandomBytes(kTotpSecretBytes); }

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
    return "otpauth://totp/" + UriEscape(issuer) + ":" + UriEscape(account) + "?secret=" + Base32Encode(secret) +
           "&issuer=" + UriEscape(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

SecretBox::SecretBox(std::string key) : key_(std::move(key)) {
    if (key_.size() != 32) throw std::invalid_argument("the secret key must be 32 bytes (AES-256)");
}

std::string SecretBox::Seal(std::string_view plain, std::string_view context) const {
    std::string nonce = RandomBytes(kNonceBytes);
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    std::string out;
    out += static_cast<char>(kSealVersion);
    out += nonce;
    std::string cipher(plain.size() + 16, '\0');
    int len = 0, total = 0;
    auto u = [](std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); };
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, u(key_), u(nonce)) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, u(context), static_cast<int>(context.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()), &len, u(plain),
                          static_cast<int>(plain.size())) != 1) {
        throw std::runtime_error("AES-256-GCM encryption failed");
    }
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(cipher.data()) + total, &len) != 1) {
        throw std::runtime_error("AES-256-GCM encryption failed");
    }
    total += len;
    cipher.resize(static_cast<std::size_t>(total));
    std::string tag(kTagBytes, '\0');
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes), tag.data()) != 1) {
        throw std::runtime_error("AES-256-GCM encryption failed");
    }
    return out + cipher + tag;
}

std::optional<std::string> SecretBox::Open(std::string_view sealed, std::string_view context) const {
    if (sealed.size() < 1 + kNonceBytes + kTagBytes || static_cast<unsigned char>(sealed[0]) != kSealVersion) {
        return std::nullopt;
    }
    std::string_view nonce = sealed.substr(1, kNonceBytes);
    std::string_view cipher = sealed.substr(1 + kNonceBytes, sealed.size() - 1 - kNonceBytes - kTagBytes);
    std::string tag(sealed.substr(sealed.size() - kTagBytes));
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    auto u = [](std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); };
    std::string plain(cipher.size() + 16, '\0');
    int len = 0, total = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, u(key_), u(nonce)) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, u(context), static_cast<int>(context.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, u(cipher),
                          static_cast<int>(cipher.size())) != 1) {
        return std::nullopt;
    }
    total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + total, &len) != 1) {
        return std::nullopt;
    }
    total += len;
    plain.resize(static_cast<std::size_t>(total));
    return plain;
}

}  // namespace spoed::daemon::service
