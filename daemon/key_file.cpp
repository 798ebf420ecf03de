#include "daemon/key_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "base/log.hpp"
#include "daemon/service/secrets.hpp"

namespace spoed::daemon {
namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
    throw std::runtime_error("totp key file " + path + ": " + what);
}

void Create(const std::string& path) {
    unsigned char key[32];
    if (RAND_bytes(key, sizeof key) != 1) Fail(path, "no random bytes for a new key");
    std::string text = service::Hex(std::string_view(reinterpret_cast<const char*>(key), sizeof key)) + "\n";
    // O_EXCL: never overwrite a key that appeared meanwhile (that would orphan every secret).
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) Fail(path, std::string("cannot create: ") + std::strerror(errno));
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ok = ::fsync(fd) == 0 && ok;
    ok = ::close(fd) == 0 && ok;
    if (!ok) Fail(path, "cannot write the new key");
    log::Info("auth.totp_key_created", "made a new key for TOTP secrets; back it up with the database",
              {{"path", path}});
}

}  // namespace

std::string LoadOrCreateKeyFile(const std::string& path, bool create) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT || !create) Fail(path, std::string("cannot read: ") + std::strerror(errno));
        Create(path);
        if (::stat(path.c_str(), &st) != 0) Fail(path, "vanished after it was made");
    }
    if ((st.st_mode & 077) != 0) Fail(path, "must be readable by its owner only (chmod 600)");
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if (text.size() != 64) Fail(path, "expected 64 hex digits (openssl rand -hex 32)");
    std::string key;
    for (std::size_t i = 0; i < 64; i += 2) {
        auto nibble = [&](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            Fail(path, "expected 64 hex digits (openssl rand -hex 32)");
        };
        key += static_cast<char>(nibble(text[i]) * 16 + nibble(text[i + 1]));
    }
    return key;
}

}  // namespace spoed::daemon
