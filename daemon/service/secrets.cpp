#include "daemon/service/secrets.hpp"

#include <argon2.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <future>
#include <stdexcept>
#include <vector>

namespace spoed::daemon::service {
std::string RandomBytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
        // The CSPRNG failing is not something to carry on from.
        throw std::runtime_error("RAND_bytes failed");
    }
    return out;
}

namespace {

constexpr std::string_view kBase64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

Error Busy() { return Error::Unavailable("too many sign-ins at this moment; try again in a few seconds"); }

}  // namespace

PasswordHasher::PasswordHasher(Params params)
    : params_(params),
      pool_(static_cast<unsigned>(std::clamp(params.max_concurrent, 1, 64)),
            WorkerPool::Options{.max_queued = static_cast<std::size_t>(std::max(params.max_queued, 0)),
                                .urgent_reserve = static_cast<std::size_t>(std::max(params.urgent_reserve, 0)),
                                .nice = params.nice}) {
    auto dummy = Hash(RandomBytes(24));
    if (!dummy.ok()) throw std::runtime_error("cannot compute the Argon2id dummy hash");
    dummy_hash_ = std::move(dummy).value();
}

PasswordHasher::~PasswordHasher() { pool_.Stop(); }

template <typename F>
auto PasswordHasher::OnPool(bool urgent, F&& job) -> decltype(job()) {
    using R = decltype(job());
    auto task = std::make_shared<std::packaged_task<R()>>([&job, this] {
        auto started = std::chrono::steady_clock::now();
        R r = job();
        Observe(std::chrono::steady_clock::now() - started);
        return r;
    });
    auto done = task->get_future();
    // The caller waits for its own job, so `job` (captured by reference) outlives it.
    if (!pool_.Post([task] { (*task)(); }, urgent)) return R(Busy());
    return done.get();
}

void PasswordHasher::Observe(std::chrono::steady_clock::duration took) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(took).count();
    // An average over the last few dozen: follows the machine, not one odd check.
    std::int64_t old = typical_us_.load(std::memory_order_relaxed);
    typical_us_.store(old + (us - old) / 16, std::memory_order_relaxed);
}

std::chrono::milliseconds PasswordHasher::TypicalCost() const {
    return std::chrono::milliseconds(typical_us_.load(std::memory_order_relaxed) / 1000);
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
    return OnPool(false, [&]() -> Result<std::string> {
        std::string salt = RandomBytes(16);
        std::size_t len = argon2_encodedlen(params_.iterations, params_.memory_kib, params_.parallelism,
                                            static_cast<std::uint32_t>(salt.size()), 32, Argon2_id);
        std::vector<char> encoded(len);
        int rc = argon2id_hash_encoded(params_.iterations, params_.memory_kib, params_.parallelism, password.data(),
                                       password.size(), salt.data(), salt.size(), 32, encoded.data(), encoded.size());
        if (rc != ARGON2_OK) {
            return Error::Internal(std::string("password hashing failed: ") + argon2_error_message(rc));
        }
        return std::string(encoded.data());
    });
}

Result<bool> PasswordHasher::Verify(std::string_view encoded, std::string_view password, bool urgent) {
    bool real = !encoded.empty();
    std::string enc(real ? encoded : std::string_view(dummy_hash_));
    return OnPool(urgent, [&]() -> Result<bool> {
        int rc = argon2id_verify(enc.c_str(), password.data(), password.size());
        return real && rc == ARGON2_OK;
    });
}

std::string HmacSha256(std::string_view key, std::string_view bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), md, &len) == nullptr) {
        throw std::runtime_error("HMAC-SHA-256 failed");
    }
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string Base64UrlEncode(std::string_view bytes) { return EncodeBits(bytes, 6, kBase64UrlAlphabet); }

std::optional<std::string> Base64UrlDecode(std::string_view text) { return DecodeBits(text, 6, kBase64UrlAlphabet); }

std::string NewToken() { return Base64UrlEncode(RandomBytes(32)); }

std::string Sha256(std::string_view bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    return std::string(reinterpret_cast<const char*>(md), len);
}

std::string NewOneTimePassword() {
    static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";
    std::string out;
    // Rejection sampling keeps every character equally likely.
    while (out.size() < 20) {
        for (unsigned char b : RandomBytes(32)) {
            if (b < 256 - (256 % kAlphabet.size()) && out.size() < 20) out += kAlphabet[b % kAlphabet.size()];
        }
    }
    return out;
}

Status ValidateNewPassword(std::string_view field, std::string_view password) {
    std::size_t code_points = 0;
    for (unsigned char c : password) {
        if ((c & 0xC0) != 0x80) ++code_points;
    }
    if (code_points < kMinPasswordLength) {
        return Error::InvalidArgument(std::string(field) + ": must be at least 12 characters long");
    }
    if (password.size() > kMaxPasswordLength) {
        return Error::InvalidArgument(std::string(field) + ": must be at most 1024 bytes long");
    }
    return Ok();
}

}  // namespace spoed::daemon::service
