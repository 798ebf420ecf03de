#pragma once

#include <optional>

#include "daemon/service/calendar.hpp"
#include "daemon/service/call.hpp"
#include "spoed/v1/shift.pb.h"

namespace spoed::daemon::service {

/// Who is on duty, the backup psychiatrist, and the shift log (spoed.v1.ShiftService). A night
/// belongs to the evening it started (the calendar's night cut-off).
class ShiftService {
  public:
    explicit ShiftService(const WorkingDayCalendar& calendar) : calendar_(calendar) {}

    Result<v1::SetShiftResponse> SetShift(Call& call, const v1::SetShiftRequest& req);
    Result<v1::GetCurrentShiftResponse> GetCurrentShift(Call& call, const v1::GetCurrentShiftRequest& req);
    Result<v1::AddShiftNoteResponse> AddShiftNote(Call& call, const v1::AddShiftNoteRequest& req);
    Result<v1::ListShiftNotesResponse> ListShiftNotes(Call& call, const v1::ListShiftNotesRequest& req);

    /// The shift that is on at `now` with its members' names; nullopt when none was set.
    std::optional<v1::Shift> ShiftAt(db::Tx& tx, TimePoint now) const;

  private:
    const WorkingDayCalendar& calendar_;
};

}  // namespace spoed::daemon::service
