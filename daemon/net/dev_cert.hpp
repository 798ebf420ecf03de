#pragma once

#include <string>

namespace spoed::daemon::net {

/// Paths of a development certificate set under one directory.
struct DevCertificate {
    std::string ca_file;    // <dir>/dev-ca.pem: the CA clients trust (curl --cacert, spoedctl --ca)
    std::string cert_file;  // <dir>/server.pem: leaf certificate for localhost, 127.0.0.1, ::1
    std::string key_file;   // <dir>/server.key: its private key, mode 0600
};

/// Makes a development CA and a localhost server certificate (ECDSA P-256, one year) under
/// `dir` unless all three files are already there and the certificate is valid for at least
/// another week, in which case they are reused unchanged.
/// Throws std::runtime_error when they cannot be made: start-up cannot proceed.
DevCertificate EnsureDevCertificate(const std::string& dir);

}  // namespace spoed::daemon::net
