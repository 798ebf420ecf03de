#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <cstdint>
#include <optional>

namespace spoed::desk {

/// What the desk keeps on disk of a user — unsent drafts — sealed so that only that user can
/// read it: AES-256-GCM under a key derived from the user's password with Argon2id (a random
/// salt per file, the parameters in the file's header, which is authenticated too). The file
/// holds no plaintext; every write is a new nonce, written to a temporary file, synced and
/// renamed over the old one, so a crash leaves the old or the new contents, never half.
class SealedFile {
  public:
    /// Argon2id parameters: OWASP's first choice is at least 19 MiB and 2 passes; the desk
    /// derives once per log-in, so it can afford more.
    static constexpr std::uint32_t kPasses = 3;
    static constexpr std::uint32_t kMemoryKib = 64 * 1024;
    static constexpr std::uint32_t kLanes = 1;

    /// Opens `path` with the key derived from `password`: reads and unseals what is there (an
    /// absent file is an empty one). nullopt with `error` set when the file is unreadable, was
    /// sealed for another password, or was changed (the tag does not verify).
    static std::optional<SealedFile> Open(const QString& path, const QString& password, QString* error);
    /// Opens `path` with the key `keyed` was opened with (one password, one derivation, several
    /// files of one user): an existing file must have been sealed under that same key.
    static std::optional<SealedFile> OpenLike(const QString& path, const SealedFile& keyed, QString* error);
    /// Removes the file (and a half-written temporary one).
    void remove();

    const QByteArray& contents() const { return contents_; }
    /// Seals `plaintext` and replaces the file with it; false with `error` set when it could
    /// not be written (the old file then stays as it was).
    bool write(const QByteArray& plaintext, QString* error);
    const QString& path() const { return path_; }

  private:
    SealedFile() = default;
    /// Reads and unseals the file at path_ with key_ (nothing there: empty contents).
    bool load(QString* error);

    QString path_;
    // The key's parameters as the file's header says (kPasses... for a new file).
    std::uint32_t passes_ = kPasses, memory_kib_ = kMemoryKib, lanes_ = kLanes;
    std::array<unsigned char, 16> salt_{};
    std::array<unsigned char, 32> key_{};
    QByteArray contents_;
};

/// Where the sealed file `kind` ("drafts", "offline", "reads") of `user` on `server` lives under
/// `dir`: named by a digest, so that no user or server name shows in the file name.
QString SealedPath(const QString& dir, const QString& server, const QString& user, const QString& kind);

}  // namespace spoed::desk
