#include "daemon/net/dev_cert.hpp"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include "base/log.hpp"

namespace spoed::daemon::net {
namespace {

namespace fs = std::filesystem;

constexpr long kValiditySeconds = 365L * 24 * 60 * 60;
/// notBefore lies a little in the past, so that a client whose clock is slightly behind
/// accepts a certificate made a moment ago.
constexpr long kBackdateSeconds = 60L * 60;

template <auto Free>
struct Deleter {
    template <class T>
    void operator()(T* p) const {
        Free(p);
    }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

[[noreturn]] void Fail(const std::string& what) {
    std::string detail;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        detail += detail.empty() ? ": " : "; ";
        detail += buf;
    }
    throw std::runtime_error("cannot make the development certificate: " + what + detail);
}

KeyPtr MakeKey() {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) Fail("generating an EC P-256 key");
    return key;
}

void SetName(X509_NAME* name, const char* common_name) {
    auto add = [&](const char* field, const char* value) {
        if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char*>(value), -1, -1,
                                       0) != 1) {
            Fail(std::string("setting the name field ") + field);
        }
    };
    add("O", "Spoed (development only)");
    add("CN", common_name);
}

void AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext) Fail(std::string("making the extension ") + OBJ_nid2sn(nid) + "=" + value);
    if (X509_add_ext(cert, ext.get(), -1) != 1) Fail(std::string("adding the extension ") + OBJ_nid2sn(nid));
}

/// A v3 certificate for `key` with a random serial, valid for a year, without extensions yet;
/// issued by `issuer` or, when null, by itself.
CertPtr MakeCertificate(EVP_PKEY* key, const char* common_name, X509* issuer) {
    CertPtr cert(X509_new());
    if (!cert) Fail("allocating a certificate");
    if (X509_set_version(cert.get(), X509_VERSION_3) != 1) Fail("setting the certificate version");

    BnPtr serial(BN_new());
    // 159 random bits, odd so never zero: positive and within the 20 octets RFC 5280 allows.
    if (!serial || BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ODD) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
        Fail("making a random serial number");
    }
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds)) {
        Fail("setting the validity period");
    }
    SetName(X509_get_subject_name(cert.get()), common_name);
    X509_NAME* issuer_name = issuer ? X509_get_subject_name(issuer) : X509_get_subject_name(cert.get());
    if (X509_set_issuer_name(cert.get(), issuer_name) != 1) Fail("setting the issuer name");
    if (X509_set_pubkey(cert.get(), key) != 1) Fail("setting the public key");
    return cert;
}

void Sign(X509* cert, EVP_PKEY* issuer_key) {
    if (X509_sign(cert, issuer_key, EVP_sha256()) <= 0) Fail("signing the certificate");
}

template <class Write>
std::string ToPem(Write write, std::string_view what) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1) Fail(std::string("encoding ") + std::string(what) + " as PEM");
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return {data, static_cast<std::size_t>(size)};
}

std::string CertPem(X509* cert) {
    return ToPem([&](BIO* b) { return PEM_write_bio_X509(b, cert); }, "a certificate");
}

/// Writes a temporary file beside `path` with `mode` and renames it over `path`, so that a
/// crash never leaves a half-written file (a key file, say) in its place.
void WriteFileAtomically(const std::string& path, const std::string& data, mode_t mode) {
    std::string temp = path + ".tmp-XXXXXX";
    int fd = mkstemp(temp.data());  // created with mode 0600
    if (fd < 0) throw std::runtime_error("cannot create a temporary file beside " + path + ": " + std::strerror(errno));
    auto fail = [&](const char* step) {
        int err = errno;
        close(fd);
        unlink(temp.c_str());
        throw std::runtime_error(std::string("cannot ") + step + " " + path + ": " + std::strerror(err));
    };
    if (fchmod(fd, mode) != 0) fail("set the mode of");
    for (std::size_t done = 0; done < data.size();) {
        ssize_t n = write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("write");
        done += static_cast<std::size_t>(n);
    }
    if (fsync(fd) != 0) fail("flush");
    if (close(fd) != 0) {
        int err = errno;
        unlink(temp.c_str());
        throw std::runtime_error("cannot close " + path + ": " + std::strerror(err));
    }
    if (rename(temp.c_str(), path.c_str()) != 0) {
        int err = errno;
        unlink(temp.c_str());
        throw std::runtime_error("cannot rename a temporary file to " + path + ": " + std::strerror(err));
    }
}

bool IsFile(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

/// Whether the leaf in `cert_file` is still valid for at least `margin_seconds`; false when it
/// cannot be read. A development set that ran out is made anew rather than served expired.
bool StillValid(const std::string& cert_file, long margin_seconds) {
    FILE* f = std::fopen(cert_file.c_str(), "r");
    if (f == nullptr) return false;
    X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr);
    std::fclose(f);
    if (cert == nullptr) {
        ERR_clear_error();
        return false;
    }
    time_t horizon = std::time(nullptr) + margin_seconds;
    bool valid = X509_cmp_time(X509_get0_notAfter(cert), &horizon) > 0;
    X509_free(cert);
    return valid;
}

}  // namespace

DevCertificate EnsureDevCertificate(const std::string& dir) {
    DevCertificate out{dir + "/dev-ca.pem", dir + "/server.pem", dir + "/server.key"};
    std::error_code ec;
    if (fs::create_directories(dir, ec)) {
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    if (ec) throw std::runtime_error("cannot create the certificate directory " + dir + ": " + ec.message());
    constexpr long kRenewMargin = 7L * 24 * 60 * 60;
    if (IsFile(out.ca_file) && IsFile(out.cert_file) && IsFile(out.key_file)) {
        if (StillValid(out.cert_file, kRenewMargin)) return out;
        log::Warn("net.dev_cert_renewed", "the development certificate expires within a week; making a new one",
                  {{"dir", dir}});
    }

    ERR_clear_error();
    // The CA's key lives only in memory: once the leaf is signed nothing else can be, so
    // trusting dev-ca.pem trusts this one localhost certificate and nothing more.
    KeyPtr ca_key = MakeKey();
    CertPtr ca = MakeCertificate(ca_key.get(), "Spoed development CA", nullptr);
    AddExtension(ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    AddExtension(ca.get(), ca.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    AddExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash");
    AddExtension(ca.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    Sign(ca.get(), ca_key.get());

    KeyPtr key = MakeKey();
    CertPtr leaf = MakeCertificate(key.get(), "localhost", ca.get());
    AddExtension(leaf.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    AddExtension(leaf.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
    AddExtension(leaf.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    AddExtension(leaf.get(), ca.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    AddExtension(leaf.get(), ca.get(), NID_subject_key_identifier, "hash");
    AddExtension(leaf.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    Sign(leaf.get(), ca_key.get());

    const std::string ca_pem = CertPem(ca.get());
    const std::string key_pem =
        ToPem([&](BIO* b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); },
              "the private key");
    // The key first: should a later step fail, the set is incomplete and made afresh next time.
    WriteFileAtomically(out.key_file, key_pem, 0600);
    WriteFileAtomically(out.cert_file, CertPem(leaf.get()) + ca_pem, 0644);
    WriteFileAtomically(out.ca_file, ca_pem, 0644);
    log::Info("net.dev_cert_created", "made a development certificate for localhost", {{"dir", dir}});
    return out;
}

}  // namespace spoed::daemon::net
