#include "db/audit_chain.hpp"

#include <openssl/evp.h>

#include <deque>
#include <stdexcept>
#include <vector>

#include "base/clock.hpp"

namespace spoed::db {
namespace {

void AppendField(std::string& out, std::string_view v) {
    // Length-prefixed so that no two different entries share canonical bytes.
    out += std::to_string(v.size());
    out += ':';
    out.append(v);
    out += ';';
}

constexpr int kPage = 1000;
/// How far before and after a broken entry to look for the entry it was chained to.
constexpr std::size_t kWindow = 64;

bool Chains(std::string_view prev_hash, const AuditRecord& r) { return AuditHash(prev_hash, r) == r.hash; }

}  // namespace

std::string AuditCanonical(const AuditRecord& r) {
    std::string out;
    out.reserve(256);
    AppendField(out, std::to_string(ToMicros(r.at)));
    AppendField(out, std::to_string(r.user_id));
    AppendField(out, r.username);
    AppendField(out, r.roles);
    AppendField(out, r.service);
    AppendField(out, r.method);
    AppendField(out, r.action);
    AppendField(out, r.object_ids);
    AppendField(out, std::to_string(r.youth_id));
    AppendField(out, r.client_address);
    AppendField(out, r.result);
    AppendField(out, r.reason);
    return out;
}

std::string AuditHash(std::string_view prev_hash, const AuditRecord& r) {
    std::string canonical = AuditCanonical(r);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    if (ctx == nullptr || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx, prev_hash.data(), prev_hash.size()) != 1 ||
        EVP_DigestUpdate(ctx, canonical.data(), canonical.size()) != 1 || EVP_DigestFinal_ex(ctx, md, &len) != 1) {
        EVP_MD_CTX_free(ctx);
        throw std::runtime_error("SHA-256 failed");
    }
    EVP_MD_CTX_free(ctx);
    return std::string(reinterpret_cast<const char*>(md), len);
}

AuditChainReport VerifyAuditChain(AuditRepo& audit, const AuditAnchor& from, std::int64_t max_entries) {
    AuditChainReport rep;
    rep.head = from;
    std::deque<AuditRecord> recent;  // the last verified entries, for telling a reorder
    std::int64_t after = from.seq;
    while (true) {
        int want = kPage;
        if (max_entries > 0) want = static_cast<int>(std::min<std::int64_t>(kPage, max_entries - rep.entries));
        if (want <= 0) break;
        std::vector<AuditRecord> page = audit.Range(after, want);
        if (page.empty()) break;
        for (const AuditRecord& r : page) {
            if (r.seq == rep.head.seq + 1 && Chains(rep.head.hash, r)) {
                if (rep.first_seq == 0) rep.first_seq = r.seq;
                rep.head = {r.seq, r.hash};
                ++rep.entries;
                recent.push_back(r);
                if (recent.size() > kWindow) recent.pop_front();
                continue;
            }
            // Broken here. Tell what most likely happened, from the neighbours.
            rep.ok = false;
            rep.broken_seq = r.seq;
            std::string where = "seq " + std::to_string(r.seq);
            if (r.seq != rep.head.seq + 1) {
                if (r.seq > rep.head.seq + 1) {
                    rep.problem = "removed";
                    std::int64_t a = rep.head.seq + 1, b = r.seq - 1;
                    rep.message = "entr" + std::string(a == b ? "y " : "ies ") + std::to_string(a) +
                                  (a == b ? "" : "–" + std::to_string(b)) + " removed (the chain jumps from seq " +
                                  std::to_string(rep.head.seq) + " to " + std::to_string(r.seq) + ")";
                } else {
                    rep.problem = "reordered";
                    rep.message = where + " appears out of order after seq " + std::to_string(rep.head.seq);
                }
                return rep;
            }
            std::vector<AuditRecord> ahead = audit.Range(r.seq, static_cast<int>(kWindow));
            if (!ahead.empty() && ahead.front().seq == r.seq + 1 && Chains(r.hash, ahead.front())) {
                rep.problem = "changed";
                rep.message = where + " was changed: its content no longer matches its hash";
                return rep;
            }
            for (const auto& other : ahead) {
                if (Chains(other.hash, r)) {
                    rep.problem = "reordered";
                    rep.message = where + " was written after seq " + std::to_string(other.seq) +
                                  " but now comes before it: entries were reordered";
                    return rep;
                }
            }
            for (const auto& other : recent) {
                if (other.seq != rep.head.seq && Chains(other.hash, r)) {
                    rep.problem = "reordered";
                    rep.message = where + " was written right after seq " + std::to_string(other.seq) +
                                  ", not after seq " + std::to_string(rep.head.seq) +
                                  ": entries were reordered or removed";
                    return rep;
                }
            }
            rep.problem = "changed";
            rep.message = where + " was changed (content or hash) or an entry before it was replaced";
            return rep;
        }
        after = page.back().seq;
    }
    if (rep.entries == 0 && from.seq == 0) rep.message = "the audit log is empty";
    return rep;
}

void CheckAgainstCheckpoint(AuditRepo& audit, const AuditAnchor& expected, AuditChainReport& report) {
    if (!report.ok) return;
    if (expected.seq > report.head.seq) {
        report.ok = false;
        report.broken_seq = report.head.seq + 1;
        report.problem = "removed";
        report.message = "the checkpoint names seq " + std::to_string(expected.seq) + " but the log ends at seq " +
                         std::to_string(report.head.seq) + ": entries after it were removed";
        return;
    }
    std::vector<AuditRecord> at = audit.Range(expected.seq - 1, 1);
    if (at.empty() || at.front().seq != expected.seq || at.front().hash != expected.hash) {
        report.ok = false;
        report.broken_seq = expected.seq;
        report.problem = "changed";
        report.message = "seq " + std::to_string(expected.seq) +
                         " does not have the checkpoint's hash: the log up to there was rewritten";
    }
}

}  // namespace spoed::db
