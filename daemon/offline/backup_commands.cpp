// spoedd backup / restore: work on the database file itself (no server call), so that a
// timer can run them as the service user and an operator can restore while spoedd is down.
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "base/bits.hpp"
#include "daemon/offline/offline.hpp"
#include "db/audit_chain.hpp"
#include "db/backup.hpp"
#include "db/sql_repos.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"

namespace spoed::daemon::offline {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultDb = "/var/lib/spoed/spoed.db";
constexpr std::string_view kMagic = "SPOEDBK1";  // encrypted backup: magic, 12-byte IV, ciphertext, 16-byte tag
constexpr std::size_t kIvSize = 12;
constexpr std::size_t kTagSize = 16;

/// UTC time to the millisecond, e.g. 20261123T033000.123Z: names that sort by time.
std::string UtcStamp() {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
    return out;
}

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Writes `bytes` to a new file with mode 0600 and flushes it to the disk.
void WriteFileSynced(const std::string& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
    bool ok = ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

void SyncFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

/// 32 raw bytes, or 64 hexadecimal characters (a trailing newline allowed).
std::string LoadKey(const std::string& path) {
    std::string raw = ReadFile(path);
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r' || raw.back() == ' ')) raw.pop_back();
    if (raw.size() == 32) return raw;
    if (raw.size() == 64) {
        if (auto key = FromHex(raw)) return *key;
    }
    throw std::runtime_error("key file " + path +
                             ": expected 32 bytes or 64 hexadecimal characters (openssl rand -hex 32)");
}

std::string Encrypt(std::string_view plain, const std::string& key) {
    std::string out(kMagic);
    unsigned char iv[kIvSize];
    if (RAND_bytes(iv, sizeof iv) != 1) throw std::runtime_error("no random bytes for the IV");
    out.append(reinterpret_cast<const char*>(iv), sizeof iv);
    std::size_t head = out.size();
    out.resize(head + plain.size() + kTagSize);
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    auto* dst = reinterpret_cast<unsigned char*>(out.data() + head);
    bool ok = ctx != nullptr && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, kIvSize, nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()), iv) == 1 &&
              EVP_EncryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(kMagic.data()),
                                static_cast<int>(kMagic.size())) == 1 &&
              EVP_EncryptUpdate(ctx, dst, &len, reinterpret_cast<const unsigned char*>(plain.data()),
                                static_cast<int>(plain.size())) == 1 &&
              EVP_EncryptFinal_ex(ctx, dst + len, &fin) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, dst + plain.size()) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) throw std::runtime_error("encryption failed");
    return out;
}

std::string Decrypt(std::string_view sealed, const std::string& key) {
    if (sealed.size() < kMagic.size() + kIvSize + kTagSize) throw std::runtime_error("encrypted backup is truncated");
    const auto* iv = reinterpret_cast<const unsigned char*>(sealed.data() + kMagic.size());
    std::string_view body = sealed.substr(kMagic.size() + kIvSize, sealed.size() - kMagic.size() - kIvSize - kTagSize);
    std::string tag(sealed.substr(sealed.size() - kTagSize));
    std::string out(body.size(), '\0');
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    int len = 0, fin = 0;
    bool ok =
        ctx != nullptr && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, kIvSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()), iv) == 1 &&
        EVP_DecryptUpdate(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(kMagic.data()),
                          static_cast<int>(kMagic.size())) == 1 &&
        EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                          reinterpret_cast<const unsigned char*>(body.data()), static_cast<int>(body.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + len, &fin) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) throw std::runtime_error("cannot decrypt: wrong key, or the backup file was changed");
    return out;
}

bool IsBackupName(const std::string& name) {
    auto ends_with = [&](std::string_view s) {
        return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    return name.rfind("spoed-", 0) == 0 && (ends_with(".db") || ends_with(".db.enc"));
}

/// Checks a database file that is not in use: integrity and audit chain. "" when both are
/// fine, else what is wrong.
std::string CheckCopy(const std::string& path, std::int64_t& audit_entries) try {
    db::Connection c(path, db::Connection::Mode::kReadOnly);
    std::string integrity = db::IntegrityCheck(c);
    if (integrity != "ok") return "integrity check failed: " + integrity;
    int version = static_cast<int>(c.QueryInt("PRAGMA user_version"));
    if (version > db::SqliteStore::LatestSchemaVersion()) {
        return "schema version " + std::to_string(version) + " is newer than this spoedd knows (" +
               std::to_string(db::SqliteStore::LatestSchemaVersion()) + ")";
    }
    db::SqlAuditRepo audit(c);
    auto chain = db::VerifyAuditChain(audit);
    audit_entries = chain.entries;
    if (!chain.ok) return "audit chain broken: " + chain.message;
    return "";
} catch (const db::SqliteError& e) {
    return std::string("cannot be read as a Spoed database (") + e.what() + ")";
}

int Backup(const Args& a) {
    if (a.positional.size() != 1) {
        std::fputs("spoedd: usage: spoedd backup DEST [--db PATH] [--keep N] [--encrypt-key-file FILE]\n", stderr);
        return 2;
    }
    std::string dest_dir = a.positional[0];
    std::string db_path = a.Get("db").value_or(kDefaultDb);
    int keep = 14;
    if (auto k = a.Get("keep")) {
        try {
            keep = std::stoi(*k);
        } catch (const std::exception&) {
            keep = 0;
        }
        if (keep < 1 || keep > 10000) {
            std::fprintf(stderr, "spoedd: --keep: expected a whole number from 1 to 10000, got '%s'\n", k->c_str());
            return 2;
        }
    }
    std::string tmp;
    try {
        std::string key;
        if (auto kf = a.Get("encrypt-key-file")) key = LoadKey(*kf);
        fs::create_directories(dest_dir);
        ::chmod(dest_dir.c_str(), 0700);
        std::string suffix = key.empty() ? ".db" : ".db.enc";
        std::string base = "spoed-" + UtcStamp();
        auto taken = [&] {
            std::string stem = dest_dir;
            stem.append("/").append(base);
            return fs::exists(stem + ".db") || fs::exists(stem + ".db.enc");
        };
        while (taken()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            base = "spoed-" + UtcStamp();
        }
        std::string final_path = dest_dir + "/" + base + suffix;
        tmp = dest_dir + "/." + base + ".partial";
        fs::remove(tmp);

        db::OnlineBackup(db_path, tmp);
        std::int64_t entries = 0;
        std::string problem = CheckCopy(tmp, entries);
        if (!problem.empty() && problem.rfind("audit chain", 0) != 0) throw std::runtime_error("the copy " + problem);
        if (!key.empty()) {
            std::string sealed = Encrypt(ReadFile(tmp), key);
            std::string enc_tmp = tmp + ".enc";
            fs::remove(enc_tmp);
            WriteFileSynced(enc_tmp, sealed);
            fs::remove(tmp);
            tmp = enc_tmp;
        } else {
            ::chmod(tmp.c_str(), 0600);
            SyncFile(tmp);
        }
        fs::rename(tmp, final_path);
        tmp.clear();
        SyncFile(dest_dir);

        std::vector<std::string> backups;
        for (const auto& e : fs::directory_iterator(dest_dir)) {
            std::string name = e.path().filename().string();
            if (e.is_regular_file() && IsBackupName(name)) backups.push_back(name);
        }
        std::sort(backups.rbegin(), backups.rend());  // UTC stamps sort by time: newest first
        int removed = 0;
        for (auto i = static_cast<std::size_t>(keep); i < backups.size(); ++i) {
            fs::remove(dest_dir + "/" + backups[i]);
            ++removed;
        }
        std::printf("backup %s (%llu bytes, integrity ok, %lld audit entries); %zu kept, %d removed\n",
                    final_path.c_str(), static_cast<unsigned long long>(fs::file_size(final_path)),
                    static_cast<long long>(entries), std::min(backups.size(), static_cast<std::size_t>(keep)), removed);
        if (!problem.empty()) {
            // The copy is kept (it is evidence), but the operator must know.
            std::fprintf(stderr, "spoedd: warning: %s\n", problem.c_str());
            return 1;
        }
    } catch (const std::exception& e) {
        if (!tmp.empty()) {
            std::error_code ec;
            fs::remove(tmp, ec);
        }
        std::fprintf(stderr, "spoedd: backup failed: %s\n", e.what());
        return 1;
    }
    return 0;
}

int Restore(const Args& a) {
    auto db_path = a.Get("db");
    if (a.positional.size() != 1 || !db_path) {
        std::fputs("spoedd: usage: spoedd restore SRC --db PATH [--encrypt-key-file FILE]\n", stderr);
        return 2;
    }
    const std::string src = a.positional[0];
    fs::path db(*db_path);
    fs::path dir = db.parent_path().empty() ? fs::path(".") : db.parent_path();
    std::string tmp = (dir / (".spoed-restore-" + std::to_string(::getpid()) + ".db")).string();
    try {
        auto lock = db::DatabaseLock::TryAcquire(*db_path);
        if (!lock) {
            std::fprintf(stderr, "spoedd: restore refused: spoedd is using %s; stop it first (systemctl stop spoedd)\n",
                         db_path->c_str());
            return 1;
        }
        std::string bytes = ReadFile(src);
        if (bytes.compare(0, kMagic.size(), kMagic) == 0) {
            auto kf = a.Get("encrypt-key-file");
            if (!kf) throw std::runtime_error(src + " is encrypted: give --encrypt-key-file");
            bytes = Decrypt(bytes, LoadKey(*kf));
        }
        fs::remove(tmp);
        WriteFileSynced(tmp, bytes);
        bytes.clear();
        std::int64_t entries = 0;
        if (std::string problem = CheckCopy(tmp, entries); !problem.empty()) {
            fs::remove(tmp);
            std::fprintf(stderr, "spoedd: restore refused, nothing replaced: %s: %s\n", src.c_str(), problem.c_str());
            return 1;
        }
        // The restored file belongs to whoever owns the data directory (the service user).
        struct stat dst {};
        if (::geteuid() == 0 && ::stat(dir.c_str(), &dst) == 0) (void)::chown(tmp.c_str(), dst.st_uid, dst.st_gid);

        std::string kept;
        if (fs::exists(db)) {
            try {
                // Fold the old WAL into its file first, so that the kept copy is whole and no
                // stale WAL is ever applied to the restored database.
                db::Connection old(*db_path, db::Connection::Mode::kReadWriteCreate);
                old.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (const db::SqliteError&) {
                // A damaged database is kept as it is, its WAL beside it.
            }
            kept = *db_path + ".before-restore-" + UtcStamp();
            fs::rename(db, kept);
            if (fs::exists(*db_path + "-wal")) fs::rename(*db_path + "-wal", kept + "-wal");
        }
        for (const char* side : {"-wal", "-shm", "-journal"}) fs::remove(*db_path + side);
        fs::rename(tmp, db);
        SyncFile(dir.string());
        std::printf("restored %s from %s (integrity ok, audit chain ok: %lld entries)%s%s\n", db_path->c_str(),
                    src.c_str(), static_cast<long long>(entries), kept.empty() ? "" : "; previous database kept as ",
                    kept.c_str());
    } catch (const std::exception& e) {
        std::error_code ec;
        fs::remove(tmp, ec);
        std::fprintf(stderr, "spoedd: restore failed: %s\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace

std::vector<Command> BackupCommands() {
    return {
        {"backup", "backup DEST [--db PATH] [--keep N] [--encrypt-key-file FILE]",
         "consistent copy of the live database into DEST, newest N kept (offline tool)", Backup},
        {"restore", "restore SRC --db PATH [--encrypt-key-file FILE]",
         "check a backup and put it in place of the database (spoedd stopped)", Restore},
    };
}

}  // namespace spoed::daemon::offline
