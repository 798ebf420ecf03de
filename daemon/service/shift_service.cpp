#include "daemon/service/shift_service.hpp"

#include <set>

#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

/// A user with `role`, enabled; returns the display name.
Result<std::string> CheckMember(db::Tx& tx, std::string_view field, std::int64_t id, Role role) {
    auto u = tx.users().FindById(id);
    if (!u || u->disabled) return Error::InvalidArgument(std::string(field) + ": no active user " + std::to_string(id));
    if (!RoleSet::FromNames(u->roles).Has(role)) {
        return Error::InvalidArgument(std::string(field) + ": user " + std::to_string(id) + " is not a " +
                                      std::string(RoleName(role)));
    }
    return u->display_name;
}

std::string DisplayName(db::Tx& tx, std::int64_t id) {
    auto u = tx.users().FindById(id);
    return u ? u->display_name : std::string();
}

void ToProto(db::Tx& tx, const db::ShiftRecord& s, v1::Shift* out) {
    if (auto d = ParseIsoDate(s.shift_date)) *out->mutable_shift_date() = ToProtoDate(*d);
    for (auto w : s.workers) {
        auto* m = out->add_workers();
        m->set_user_id(w);
        m->set_display_name(DisplayName(tx, w));
    }
    if (s.psychiatrist) {
        out->mutable_psychiatrist()->set_user_id(*s.psychiatrist);
        out->mutable_psychiatrist()->set_display_name(DisplayName(tx, *s.psychiatrist));
    }
    out->set_psychiatrist_phone(s.psychiatrist_phone);
    out->set_set_by(s.set_by);
    SetTimestamp(out->mutable_set_at(), s.set_at);
}

void ToProto(const db::ShiftNoteRecord& n, v1::ShiftNote* out) {
    out->set_id(n.id);
    if (auto d = ParseIsoDate(n.shift_date)) *out->mutable_shift_date() = ToProtoDate(*d);
    out->set_author_id(n.author_id);
    out->set_author_name(n.author_name);
    SetTimestamp(out->mutable_written_at(), n.written_at);
    out->set_text(n.text);
}

}  // namespace

Result<v1::SetShiftResponse> ShiftService::SetShift(Call& call, const v1::SetShiftRequest& req) {
    db::ShiftRecord s;
    if (req.has_shift_date()) {
        SPOED_ASSIGN(auto d, CheckDate("shift_date", req.shift_date()));
        s.shift_date = IsoDate(d);
    } else {
        s.shift_date = IsoDate(calendar_.ShiftDate(call.now()));
    }
    if (req.worker_ids_size() > 10) return Error::InvalidArgument("worker_ids: at most 10");
    std::set<std::int64_t> workers(req.worker_ids().begin(), req.worker_ids().end());
    s.workers.assign(workers.begin(), workers.end());
    if (req.psychiatrist_id() < 0) return Error::InvalidArgument("psychiatrist_id: must not be negative");
    if (req.psychiatrist_id() != 0) {
        s.psychiatrist = req.psychiatrist_id();
        if (req.psychiatrist_phone().empty()) {
            return Error::InvalidArgument("psychiatrist_phone: required with a backup psychiatrist");
        }
        SPOED_ASSIGN(s.psychiatrist_phone, CheckPhone("psychiatrist_phone", req.psychiatrist_phone()));
    }
    s.set_by = call.actor()->user_id;
    s.set_at = call.now();
    call.audit().object_ids.push_back("shift:" + s.shift_date);
    return call.Write([&](db::Tx& tx) -> Result<v1::SetShiftResponse> {
        for (auto w : s.workers) SPOED_TRY(CheckMember(tx, "worker_ids", w, v1::ROLE_CRISIS_WORKER));
        if (s.psychiatrist) SPOED_TRY(CheckMember(tx, "psychiatrist_id", *s.psychiatrist, v1::ROLE_PSYCHIATRIST));
        tx.shifts().Put(s);
        v1::SetShiftResponse resp;
        ToProto(tx, s, resp.mutable_shift());
        return resp;
    });
}

Result<v1::GetCurrentShiftResponse> ShiftService::GetCurrentShift(Call& call, const v1::GetCurrentShiftRequest&) {
    return call.Read([&](db::Tx& tx) -> Result<v1::GetCurrentShiftResponse> {
        v1::GetCurrentShiftResponse resp;
        if (auto s = ShiftAt(tx, call.now())) *resp.mutable_shift() = std::move(*s);
        return resp;
    });
}

std::optional<v1::Shift> ShiftService::ShiftAt(db::Tx& tx, TimePoint now) const {
    auto s = tx.shifts().Find(IsoDate(calendar_.ShiftDate(now)));
    if (!s) return std::nullopt;
    v1::Shift out;
    ToProto(tx, *s, &out);
    return out;
}

Result<v1::AddShiftNoteResponse> ShiftService::AddShiftNote(Call& call, const v1::AddShiftNoteRequest& req) {
    SPOED_TRY(CheckText("text", req.text(), 4000, true, TextKind::kMultiline));
    return call.Write([&](db::Tx& tx) -> Result<v1::AddShiftNoteResponse> {
        db::ShiftNoteRecord n;
        n.shift_date = IsoDate(calendar_.ShiftDate(call.now()));
        n.author_id = call.actor()->user_id;
        n.author_name = DisplayName(tx, n.author_id);
        n.written_at = call.now();
        n.text = req.text();
        n.id = tx.shifts().AddNote(n);
        call.audit().object_ids.push_back(ObjectId("shift_note", n.id));
        v1::AddShiftNoteResponse resp;
        ToProto(n, resp.mutable_note());
        return resp;
    });
}

Result<v1::ListShiftNotesResponse> ShiftService::ListShiftNotes(Call& call, const v1::ListShiftNotesRequest& req) {
    std::string since;
    if (req.has_since()) {
        SPOED_ASSIGN(auto d, CheckDate("since", req.since()));
        since = IsoDate(d);
    } else {
        auto today = std::chrono::sys_days{calendar_.ShiftDate(call.now())};
        since = IsoDate(std::chrono::year_month_day{today - std::chrono::days{7}});
    }
    return call.Read([&](db::Tx& tx) -> Result<v1::ListShiftNotesResponse> {
        v1::ListShiftNotesResponse resp;
        for (const auto& n : tx.shifts().Notes(since)) ToProto(n, resp.add_notes());
        return resp;
    });
}

}  // namespace spoed::daemon::service
