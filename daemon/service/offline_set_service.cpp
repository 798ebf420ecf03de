#include "daemon/service/offline_set_service.hpp"

#include <algorithm>
#include <map>

#include "daemon/service/convert.hpp"
#include "daemon/service/handover_service.hpp"
#include "daemon/service/plan_service.hpp"
#include "daemon/service/secrets.hpp"
#include "daemon/service/validate.hpp"
#include "daemon/service/youth_service.hpp"
#include "spoed/v1/rpc.hpp"

namespace spoed::daemon::service {
namespace {

constexpr std::string_view kTokenPrefix = "o1.";
constexpr std::size_t kDigestBytes = 8;
/// A desk clock this far ahead of the server's is taken as skew, not as a read in the future.
constexpr auto kClockSkew = std::chrono::minutes(5);

/// What a sync token says: the roles the set was made for and, per youth sent, a digest of
/// what was sent.
struct TokenState {
    std::string roles;
    std::map<std::int64_t, std::string> digests;
};

void PutVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view& in, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty()) return false;
        const auto b = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= std::uint64_t(b & 0x7f) << shift;
        if ((b & 0x80) == 0) return true;
    }
    return false;
}

std::string EncodeToken(const TokenState& t) {
    std::string raw;
    PutVarint(raw, t.roles.size());
    raw += t.roles;
    PutVarint(raw, t.digests.size());
    std::int64_t prev = 0;
    for (const auto& [id, digest] : t.digests) {
        PutVarint(raw, std::uint64_t(id - prev));
        prev = id;
        raw += digest;
    }
    return std::string(kTokenPrefix) + Base64UrlEncode(raw);
}

/// nullopt for a token this server did not make (or an older format): then the whole set goes.
std::optional<TokenState> DecodeToken(std::string_view token) {
    if (!token.starts_with(kTokenPrefix)) return std::nullopt;
    auto raw = Base64UrlDecode(token.substr(kTokenPrefix.size()));
    if (!raw) return std::nullopt;
    std::string_view in = *raw;
    TokenState t;
    std::uint64_t n = 0;
    if (!GetVarint(in, n) || n > in.size()) return std::nullopt;
    t.roles = std::string(in.substr(0, n));
    in.remove_prefix(n);
    if (!GetVarint(in, n) || n > in.size()) return std::nullopt;
    std::int64_t id = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t delta = 0;
        if (!GetVarint(in, delta) || delta == 0 || delta > std::uint64_t(INT64_MAX - id) || in.size() < kDigestBytes)
            return std::nullopt;
        id += std::int64_t(delta);
        t.digests[id] = std::string(in.substr(0, kDigestBytes));
        in.remove_prefix(kDigestBytes);
    }
    if (!in.empty()) return std::nullopt;
    return t;
}

bool ValidQueryKind(std::string_view k) {
    return !k.empty() && k.size() <= 30 &&
           std::all_of(k.begin(), k.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '+'; });
}

}  // namespace

Result<v1::SyncOfflineSetResponse> OfflineSetService::SyncOfflineSet(Call& call, const v1::SyncOfflineSetRequest& req) {
    if (req.sync_token().size() > 1'000'000) return Error::InvalidArgument("sync_token: too long");
    v1::SyncOfflineSetResponse resp;
    if (!policy_.enabled) {
        resp.set_disabled(true);
        call.audit().reason = "offline set switched off";
        return resp;
    }
    const Actor& actor = *call.actor();
    auto previous = DecodeToken(req.sync_token());
    const std::string roles = actor.roles.Joined();
    // Another role set may read other things: begin again from nothing.
    if (previous && previous->roles != roles) previous.reset();
    TokenState next{.roles = roles, .digests = {}};
    int changed = 0;
    auto done = call.Read([&](db::Tx& tx) -> Status {
        for (const auto& pre : tx.pre_registrations().ListActive()) {
            // Exactly whose plan the caller may read online without breaking the glass.
            if (!tx.consents().HasValid(pre.youth_id, "pre_registration", call.now())) continue;
            auto youth = tx.youths().Find(pre.youth_id);
            if (!youth || youth->removed_at) continue;
            v1::OfflineYouth entry;
            ToProto(*youth, entry.mutable_youth());
            ToProto(pre, entry.mutable_pre_registration());
            for (const auto& c : tx.consents().ListForYouth(youth->id)) ToProto(c, call.now(), entry.add_consents());
            if (auto plan = tx.plans().Find(youth->id, 0)) ToProto(*plan, entry.mutable_plan());
            std::string digest = Sha256(entry.SerializeAsString()).substr(0, kDigestBytes);
            bool same = false;
            if (previous) {
                auto it = previous->digests.find(youth->id);
                same = it != previous->digests.end() && it->second == digest;
            }
            next.digests[youth->id] = std::move(digest);
            if (same) continue;
            call.audit().object_ids.push_back(ObjectId("youth", youth->id));
            *resp.add_youths() = std::move(entry);
            ++changed;
        }
        for (const auto& o : tx.directory().List("", "")) ToProto(o, resp.add_organisations());
        if (auto u = tx.users().FindById(actor.user_id)) ToProto(*u, resp.mutable_user());
        if (auto s = shift_.ShiftAt(tx, call.now())) *resp.mutable_shift() = std::move(*s);
        return Ok();
    });
    SPOED_TRY(done);
    int removed = 0;
    if (previous) {
        for (const auto& [id, digest] : previous->digests) {
            if (next.digests.contains(id)) continue;
            resp.add_removed_youth_ids(id);
            ++removed;
        }
    }
    resp.set_full(!previous);
    resp.set_sync_token(EncodeToken(next));
    SetTimestamp(resp.mutable_synced_at(), call.now());
    for (Role r : actor.roles.ToVector()) resp.add_roles(r);
    resp.set_keep_seconds(std::chrono::duration_cast<std::chrono::seconds>(policy_.max_age).count());
    resp.set_wipe_at_logout(policy_.wipe_at_logout);
    call.audit().reason = std::string("offline set: ") + (previous ? "changes" : "whole set") + ", " +
                          std::to_string(next.digests.size()) + " youths in the set, " + std::to_string(changed) +
                          " sent, " + std::to_string(removed) + " removed";
    return resp;
}

Result<v1::UploadOfflineReadsResponse> OfflineSetService::UploadOfflineReads(Call& call,
                                                                             const v1::UploadOfflineReadsRequest& req) {
    if (req.reads_size() == 0) return Error::InvalidArgument("reads: required").Because("required");
    if (req.reads_size() > kMaxReads) {
        return Error::InvalidArgument("reads: at most " + std::to_string(kMaxReads) + " in one upload");
    }
    std::vector<db::AuditRecord> lines;
    lines.reserve(std::size_t(req.reads_size()));
    const Actor& actor = *call.actor();
    for (int i = 0; i < req.reads_size(); ++i) {
        const auto& r = req.reads(i);
        const std::string field = "reads[" + std::to_string(i) + "]";
        db::AuditRecord line;
        SPOED_ASSIGN(line.at, CheckTimestamp(field + ".at", r.at()));
        line.reason = "offline";
        if (line.at > call.now() + kClockSkew) {
            // Recorded all the same, at the moment it reached the server: a read is never lost.
            line.at = call.now();
            line.reason = "offline; the desk's clock was ahead";
        }
        line.user_id = actor.user_id;
        line.username = actor.username;
        line.roles = actor.roles.Joined();
        line.client_address = call.client_address();
        line.result = "ok";
        // The line stands for the online call that would have read the same.
        auto as = [&line](const v1::rpc::MethodName& rpc, std::string_view action) {
            line.service = rpc.service;
            line.method = rpc.method;
            line.action = action;
        };
        switch (r.kind()) {
            case v1::OFFLINE_READ_KIND_LOOKUP: {
                if (!ValidQueryKind(r.query_kind())) {
                    return Error::InvalidArgument(field +
                                                  ".query_kind: \"phone\", \"date\", \"name\" or parts "
                                                  "joined by +");
                }
                if (r.found_youth_ids_size() > kMaxFound) {
                    return Error::InvalidArgument(field + ".found_youth_ids: at most " + std::to_string(kMaxFound));
                }
                as(v1::rpc::YouthService::SearchYouths, "search");
                line.reason += "; query kind: " + r.query_kind();
                for (auto id : r.found_youth_ids()) {
                    SPOED_TRY(CheckId(field + ".found_youth_ids", id));
                    if (!line.object_ids.empty()) line.object_ids += ',';
                    line.object_ids += ObjectId("youth", id);
                }
                if (r.found_youth_ids_size() == 1) line.youth_id = r.found_youth_ids(0);
                break;
            }
            case v1::OFFLINE_READ_KIND_YOUTH:
                SPOED_TRY(CheckId(field + ".youth_id", r.youth_id()));
                as(v1::rpc::YouthService::GetYouth, "read");
                line.youth_id = r.youth_id();
                line.object_ids = ObjectId("youth", r.youth_id());
                break;
            case v1::OFFLINE_READ_KIND_PLAN:
                SPOED_TRY(CheckId(field + ".youth_id", r.youth_id()));
                SPOED_TRY(CheckId(field + ".plan_id", r.plan_id()));
                as(v1::rpc::PlanService::GetPlan, "read");
                line.youth_id = r.youth_id();
                line.object_ids = ObjectId("plan", r.plan_id());
                break;
            default:
                return Error::InvalidArgument(field + ".kind: lookup, youth or plan").Because("invalid_value");
        }
        lines.push_back(std::move(line));
    }
    call.audit().reason = std::to_string(lines.size()) + " offline reads recorded";
    return call.Write([&](db::Tx& tx) -> Result<v1::UploadOfflineReadsResponse> {
        for (auto& line : lines) tx.audit().Append(line);
        v1::UploadOfflineReadsResponse resp;
        resp.set_recorded(static_cast<int>(lines.size()));
        return resp;
    });
}

}  // namespace spoed::daemon::service
