#include "daemon/service/events.hpp"

#include <algorithm>
#include <optional>

#include "daemon/service/call.hpp"
#include "daemon/service/convert.hpp"
#include "daemon/service/validate.hpp"

namespace spoed::daemon::service {
namespace {

constexpr int kAlertBatch = 500;

std::string KindName(v1::EventKind kind) {
    std::string name = v1::EventKind_Name(kind);
    constexpr std::string_view prefix = "EVENT_KIND_";
    if (name.starts_with(prefix)) name.erase(0, prefix.size());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return name;
}

v1::Event HandoverEvent(v1::EventKind kind, const db::HandoverRecord& h) {
    v1::Event e;
    e.set_kind(kind);
    e.set_case_id(h.case_id);
    e.set_youth_id(h.youth_id);
    e.set_handover_id(h.id);
    SetTimestamp(e.mutable_due_at(), h.due_at);
    return e;
}

}  // namespace

void EventOutbox::Emit(db::Tx& tx, TimePoint at, v1::Event event, int audience,
                       const db::CaseRecord* known_case) const {
    db::EventRecord r;
    r.at = at;
    r.kind = KindName(event.kind());
    r.audience = audience;
    r.case_id = event.case_id();
    if (event.case_id() != 0) {
        std::optional<db::CaseRecord> found;
        const db::CaseRecord* c = known_case;
        if (c == nullptr || c->id != event.case_id()) {
            found = tx.cases().Find(event.case_id());
            c = found ? &*found : nullptr;
        }
        if (c != nullptr) {
            r.shift_date = IsoDate(calendar_.ShiftDate(c->opened_at));
            if (event.youth_id() == 0 && c->youth_id) event.set_youth_id(*c->youth_id);
        }
    }
    event.clear_seq();
    SetTimestamp(event.mutable_at(), at);
    r.payload = event.SerializeAsString();
    tx.events().Append(r);
}

std::vector<std::int64_t> EventOutbox::EmitHandoverAlerts(db::Tx& tx, TimePoint now) const {
    using namespace std::chrono;
    std::vector<std::int64_t> alerted;
    constexpr int kEveryone = db::kAudienceWorkers | db::kAudienceCoordinators;

    for (const auto& h : tx.handovers().ListUnalerted("overdue", now, kAlertBatch)) {
        Emit(tx, now, HandoverEvent(v1::EVENT_KIND_HANDOVER_OVERDUE, h), kEveryone);
        tx.handovers().MarkAlerted(h.id, "overdue", now);
        alerted.push_back(h.id);
    }

    // Reminders: handovers due before the end of today (local), from reminder_time on their
    // due day. One already overdue needs no reminder: the overdue alert has said more.
    auto today = floor<days>(UtcToLocal(now));
    TimePoint end_of_today = LocalToUtc(time_point_cast<minutes>(today + days{1}));
    for (const auto& h : tx.handovers().ListUnalerted("reminder", end_of_today, kAlertBatch)) {
        auto due_day = floor<days>(UtcToLocal(h.due_at));
        TimePoint remind_at = std::min(h.due_at, LocalToUtc(time_point_cast<minutes>(due_day) + reminder_time_));
        if (now < remind_at) continue;
        if (now < h.due_at) {
            Emit(tx, now, HandoverEvent(v1::EVENT_KIND_HANDOVER_DUE, h), kEveryone);
            alerted.push_back(h.id);
        }
        tx.handovers().MarkAlerted(h.id, "reminder", now);
    }
    return alerted;
}

Status EventOutbox::WriteHandoverAlerts(db::Store& store, TimePoint now) const {
    Call call(store, now, "spoedd", "HandoverAlerts", "notify", "");
    auto written = call.WriteAsDaemon([&](db::Tx& tx) -> Result<bool> {
        auto alerted = EmitHandoverAlerts(tx, now);
        for (auto id : alerted) call.audit().object_ids.push_back(ObjectId("handover", id));
        return !alerted.empty();
    });
    if (!written.ok()) return written.error();
    return Ok();
}

bool MaySee(const EventViewer& viewer, const db::EventRecord& e, const std::string& current_shift,
            const std::function<bool(const std::string& shift_date)>& was_on_shift) {
    if ((e.audience & db::kAudiencePsychiatrists) && viewer.psychiatrist) return true;
    if ((e.audience & db::kAudienceCoordinators) && viewer.coordinator) return true;
    if (!(e.audience & db::kAudienceWorkers) || !viewer.worker) return false;
    if (e.shift_date.empty() || e.shift_date == current_shift) return true;
    return was_on_shift(e.shift_date);
}

}  // namespace spoed::daemon::service
