#pragma once

#include <string>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "db/store.hpp"

namespace spoed::daemon::service {

struct RetentionPolicy {
    /// Years after the record's last change (the last contact, case, plan or change of details)
    /// that the personal data is kept: 20, as the WGBO and the Jeugdwet set. 0: never removed.
    int years = 20;
};

/// The daily retention job: removes the personal data of every youth whose record is past the
/// retention period, keeping ids, times, codes and the figures; each youth in its own
/// transaction with a line in the access log (action "delete", the youth's id, the pseudonym that
/// replaces the name). Returns how many youths it removed.
Result<int> RunRetention(db::Store& store, TimePoint now, const RetentionPolicy& policy);

/// "P-" and 12 random hex digits: what replaces a youth's name when the personal data goes.
std::string NewPseudonym();

}  // namespace spoed::daemon::service
