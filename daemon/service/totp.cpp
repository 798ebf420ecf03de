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
