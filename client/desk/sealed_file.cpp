#include "client/desk/sealed_file.hpp"

#include <argon2.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstring>
#include <memory>

namespace spoed::desk {
namespace {

constexpr char kMagic[10] = {'S', 'P', 'O', 'E', 'D', 'S', 'E', 'A', 'L', 1};
constexpr int kHeaderSize = 10 + 12 + 16;  // magic, three u32 parameters, salt
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

void PutU32(QByteArray& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.append(char((v >> shift) & 0xff));
}

std::uint32_t GetU32(const char* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

QByteArray Header(std::uint32_t passes, std::uint32_t memory_kib, std::uint32_t lanes,
                  const std::array<unsigned char, 16>& salt) {
    QByteArray h(kMagic, sizeof kMagic);
    PutU32(h, passes);
    PutU32(h, memory_kib);
    PutU32(h, lanes);
    h.append(reinterpret_cast<const char*>(salt.data()), int(salt.size()));
    return h;
}

struct CipherFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

}  // namespace

std::optional<SealedFile> SealedFile::Open(const QString& path, const QString& password, QString* error) {
    SealedFile f;
    f.path_ = path;
    std::uint32_t passes = kPasses, memory_kib = kMemoryKib, lanes = kLanes;
    if (QFileInfo::exists(path)) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = in.errorString();
            return std::nullopt;
        }
        const QByteArray sealed = in.read(kHeaderSize);
        if (sealed.size() < kHeaderSize || std::memcmp(sealed.constData(), kMagic, sizeof kMagic) != 0) {
            *error = QStringLiteral("not a sealed file of this desk");
            return std::nullopt;
        }
        passes = GetU32(sealed.constData() + 10);
        memory_kib = GetU32(sealed.constData() + 14);
        lanes = GetU32(sealed.constData() + 18);
        // Parameters an attacker could set to make opening take forever are refused.
        if (passes < 1 || passes > 10 || memory_kib < 8 * 1024 || memory_kib > 1024 * 1024 || lanes < 1 || lanes > 8) {
            *error = QStringLiteral("the file's key parameters are out of range");
            return std::nullopt;
        }
        std::memcpy(f.salt_.data(), sealed.constData() + 22, f.salt_.size());
    } else if (RAND_bytes(f.salt_.data(), int(f.salt_.size())) != 1) {
        *error = QStringLiteral("no random numbers for the salt");
        return std::nullopt;
    }
    f.passes_ = passes;
    f.memory_kib_ = memory_kib;
    f.lanes_ = lanes;
    const QByteArray pw = password.toUtf8();
    if (argon2id_hash_raw(passes, memory_kib, lanes, pw.constData(), std::size_t(pw.size()), f.salt_.data(),
                          f.salt_.size(), f.key_.data(), f.key_.size()) != ARGON2_OK) {
        *error = QStringLiteral("the key could not be derived");
        return std::nullopt;
    }
    if (!f.load(error)) return std::nullopt;
    return f;
}

std::optional<SealedFile> SealedFile::OpenLike(const QString& path, const SealedFile& keyed, QString* error) {
    SealedFile f = keyed;
    f.path_ = path;
    f.contents_.clear();
    if (!f.load(error)) return std::nullopt;
    return f;
}

void SealedFile::remove() {
    QFile::remove(path_ + QStringLiteral(".tmp"));
    QFile::remove(path_);
    contents_.clear();
}

bool SealedFile::load(QString* error) {
    contents_.clear();
    if (!QFileInfo::exists(path_)) return true;
    QFile in(path_);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = in.errorString();
        return false;
    }
    const QByteArray sealed = in.readAll();
    if (sealed.size() < kHeaderSize + kNonceSize + kTagSize ||
        std::memcmp(sealed.constData(), kMagic, sizeof kMagic) != 0) {
        *error = QStringLiteral("not a sealed file of this desk");
        return false;
    }
    if (sealed.left(kHeaderSize) != Header(passes_, memory_kib_, lanes_, salt_)) {
        *error = QStringLiteral("the file was sealed under another key");
        return false;
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(sealed.constData());
    const unsigned char* nonce = bytes + kHeaderSize;
    const unsigned char* body = nonce + kNonceSize;
    const int body_len = int(sealed.size()) - kHeaderSize - kNonceSize - kTagSize;
    const unsigned char* tag = body + body_len;
    std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(body_len, Qt::Uninitialized);
    int len = 0, total = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), nonce) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes, kHeaderSize) == 1 &&  // the header as AAD
              EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len, body, body_len) == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, const_cast<unsigned char*>(tag)) == 1 &&
         EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + total, &len) == 1;
    if (!ok) {
        *error = QStringLiteral("the file does not open with this password, or it was changed");
        return false;
    }
    plain.resize(total + len);
    contents_ = plain;
    return true;
}

bool SealedFile::write(const QByteArray& plaintext, QString* error) {
    const QByteArray header = Header(passes_, memory_kib_, lanes_, salt_);
    unsigned char nonce[kNonceSize];
    if (RAND_bytes(nonce, kNonceSize) != 1) {
        *error = QStringLiteral("no random numbers for the nonce");
        return false;
    }
    std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray out = header;
    out.append(reinterpret_cast<const char*>(nonce), kNonceSize);
    QByteArray body(plaintext.size() + 16, Qt::Uninitialized);
    unsigned char tag[kTagSize];
    int len = 0, total = 0;
    bool ok =
        ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), nonce) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(header.constData()),
                          int(header.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(body.data()), &len,
                          reinterpret_cast<const unsigned char*>(plaintext.constData()), int(plaintext.size())) == 1;
    total = len;
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(body.data()) + total, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag) == 1;
    if (!ok) {
        *error = QStringLiteral("sealing failed");
        return false;
    }
    body.resize(total + len);
    out.append(body);
    out.append(reinterpret_cast<const char*>(tag), kTagSize);

    QDir().mkpath(QFileInfo(path_).absolutePath());
    const QString tmp = path_ + QStringLiteral(".tmp");
    const QByteArray tmp_name = QFile::encodeName(tmp);
    // 0600 from the start; synced before the rename, so the rename publishes whole contents.
    const int fd = ::open(tmp_name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot write %1").arg(tmp);
        return false;
    }
    bool written = ::write(fd, out.constData(), std::size_t(out.size())) == out.size();
    written = ::fsync(fd) == 0 && written;
    written = ::close(fd) == 0 && written;
    if (!written || ::rename(tmp_name.constData(), QFile::encodeName(path_).constData()) != 0) {
        *error = QStringLiteral("cannot write %1").arg(path_);
        ::unlink(tmp_name.constData());
        return false;
    }
    // The rename itself survives a power cut once the folder is synced.
    const int dir =
        ::open(QFile::encodeName(QFileInfo(path_).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    contents_ = plaintext;
    return true;
}

QString SealedPath(const QString& dir, const QString& server, const QString& user, const QString& kind) {
    const QByteArray id =
        QCryptographicHash::hash((server + QLatin1Char('\n') + user).toUtf8(), QCryptographicHash::Sha256);
    // The drafts were the first kind, named by the digest alone; the others add their kind.
    const QString suffix = kind == QLatin1String("drafts") ? QString() : QLatin1Char('.') + kind;
    return dir + QLatin1Char('/') + QString::fromLatin1(id.toHex().left(32)) + suffix + QStringLiteral(".sealed");
}

}  // namespace spoed::desk
