#pragma once

#include <cstdint>
#include <string>

#include "base/clock.hpp"
#include "db/store.hpp"

namespace spoed::bench {

/// A synthetic, clearly fictional population, deterministic from a seed: youths with a phone
/// and a parent's phone, a share pre-registered with consent, and cases spread over a year.
struct DatasetSpec {
    int youths = 100'000;
    double pre_registered_share = 0.2;
    double cases_per_youth = 0.5;
    std::uint64_t seed = 20261123;
};

/// What the generator made, for picking queries that hit.
struct Dataset {
    std::int64_t user_id = 0;
    int youths = 0;
};

/// Fills an empty store through the repositories, in batches of one transaction each.
Dataset Generate(db::Store& store, const DatasetSpec& spec, TimePoint now);

/// The i-th youth's mobile number and date of birth, as the generator made them.
std::string YouthPhone(int i);
std::string ParentPhone(int i);

}  // namespace spoed::bench
