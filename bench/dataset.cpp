#include "bench/dataset.hpp"

#include <array>
#include <random>

#include "base/search_query.hpp"

namespace spoed::bench {
namespace {

// Invented-sounding combinations; "(fictief)" marks every family name as fictional.
constexpr std::array<const char*, 40> kGiven = {
    "Daan",  "Sanne",   "Lucas", "Emma",  "Milan", "Julia", "Noah",  "Tess",  "Sem",   "Lotte",
    "Finn",  "Sofie",   "Levi",  "Fleur", "Jesse", "Anouk", "Thijs", "Iris",  "Ruben", "Femke",
    "Bram",  "Noor",    "Luuk",  "Lieke", "Stijn", "Roos",  "Gijs",  "Maud",  "Koen",  "Evi",
    "Niels", "Jasmijn", "Mees",  "Zoë",   "Teun",  "Liv",   "Hidde", "Sofië", "Joep",  "Elif"};
constexpr std::array<const char*, 40> kFamilyStem = {
    "Visser",   "de Vries", "Bakker",       "Jansen",   "Smit",   "Mulder",  "de Boer",   "Meijer",
    "Bos",      "Vos",      "Peters",       "Hendriks", "Dekker", "Brouwer", "de Wit",    "Dijkstra",
    "Smits",    "de Graaf", "van der Meer", "Kok",      "Jacobs", "de Haan", "Vermeulen", "van den Berg",
    "Veenstra", "Hoekstra", "Koster",       "Prins",    "Blom",   "Huisman", "Kuipers",   "Boersma",
    "Wolters",  "Postma",   "Schouten",     "Jonker",   "Bosma",  "Kramer",  "Zijlstra",  "Dam"};
constexpr std::array<const char*, 10> kMunicipality = {
    "Groningen", "Midden-Groningen", "Eemsdelta",   "Het Hogeland", "Westerkwartier",
    "Oldambt",   "Veendam",          "Stadskanaal", "Pekela",       "Westerwolde"};

}  // namespace

std::string YouthPhone(int i) { return "+316" + std::to_string(10'000'000 + i); }
std::string ParentPhone(int i) { return "+316" + std::to_string(50'000'000 + i); }

Dataset Generate(db::Store& store, const DatasetSpec& spec, TimePoint now) {
    std::mt19937_64 rng(spec.seed);
    Dataset out;
    auto user = store.Write([&](db::Tx& tx) -> Result<std::int64_t> {
        db::UserRecord u;
        u.username = "bench.worker";
        u.display_name = "Bench worker (fictional)";
        u.password_hash = "-";
        u.roles = {"crisis_worker", "coordinator"};
        u.created_at = u.updated_at = now;
        auto id = tx.users().Insert(u);
        if (!id) return Error::AlreadyExists("bench user exists");
        return *id;
    });
    if (!user.ok()) return out;
    out.user_id = *user;

    constexpr int kBatch = 5000;
    std::uniform_int_distribution<int> year(2003, 2020), month(1, 12), day(1, 28);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int start = 0; start < spec.youths; start += kBatch) {
        Status st = store.Write([&](db::Tx& tx) -> Status {
            for (int i = start; i < std::min(spec.youths, start + kBatch); ++i) {
                db::YouthRecord y;
                y.given_name = kGiven[rng() % kGiven.size()];
                // Stem plus a number-derived suffix keeps names varied: "Visser-Kok (fictief)".
                y.family_name = std::string(kFamilyStem[rng() % kFamilyStem.size()]) + "-" +
                                kFamilyStem[rng() % kFamilyStem.size()] + " (fictief)";
                y.folded_name = spoed::FoldName(y.given_name + " " + y.family_name);
                char dob[16];
                std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", year(rng), month(rng), day(rng));
                y.date_of_birth = dob;
                y.municipality = kMunicipality[rng() % kMunicipality.size()];
                y.phones.push_back({YouthPhone(i), "mobiel"});
                y.contacts.push_back({0, "guardian", "Ouder " + y.family_name, "ouder", ParentPhone(i)});
                y.created_by = out.user_id;
                y.created_at = y.updated_at = now;
                std::int64_t id = tx.youths().Insert(y);
                if (unit(rng) < spec.pre_registered_share) {
                    db::ConsentRecord c;
                    c.youth_id = id;
                    c.scope = "pre_registration";
                    c.given_by_youth = true;
                    c.given_by_guardian = "Ouder (fictief)";
                    c.given_at = now - std::chrono::hours(24 * 30);
                    c.recorded_by = out.user_id;
                    c.recorded_at = c.given_at;
                    tx.consents().Insert(c);
                    db::PreRegistrationRecord p;
                    p.youth_id = id;
                    p.organisation = "Accare";
                    p.professional = "J. de Groot (fictief)";
                    p.legal_measure = "none";
                    p.started_at = c.given_at;
                    p.created_by = out.user_id;
                    p.updated_at = c.given_at;
                    tx.pre_registrations().Insert(p);
                }
                if (unit(rng) < spec.cases_per_youth) {
                    db::CaseRecord k;
                    k.youth_id = id;
                    k.status = unit(rng) < 0.9 ? "closed" : "open";
                    k.opened_by = out.user_id;
                    k.opened_at = now - std::chrono::hours(static_cast<int>(unit(rng) * 24 * 365));
                    k.updated_at = k.opened_at;
                    if (k.status == "closed") {
                        k.outcome = "stayed_home";
                        k.closed_at = k.opened_at + std::chrono::hours(3);
                        k.closed_by = out.user_id;
                    }
                    tx.cases().Insert(k);
                }
            }
            return Ok();
        });
        if (!st.ok()) return out;
        out.youths = std::min(spec.youths, start + kBatch);
    }
    return out;
}

}  // namespace spoed::bench
