// spoed-bench-data: the synthetic national data set (issue 8, bench/national/README.md).
//
//   spoed-bench-data --out DB_PATH --youths N [--seed S] [--now YYYY-MM-DD]
//
// Makes a NEW database through db::SqliteStore::Open (the daemon's own migrations, triggers
// and indexes), writes the users and today's shift through the repositories, and then the bulk
// rows with prepared statements on one writer connection using the same INSERT statements as
// the repositories, in large transactions, so that every trigger (the per-case figure columns,
// case_figure_keys) and every index is maintained exactly as when the daemon writes them.
// Everything is fictional and deterministic from the seed. Writes the manifest DB_PATH.json.

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "base/search_query.hpp"
#include "bench/national/manifest.hpp"
#include "daemon/service/calendar.hpp"
#include "daemon/service/secrets.hpp"
#include "db/sqlite.hpp"
#include "db/sqlite_store.hpp"
#include "spoed/v1/plan.pb.h"

namespace spoed::bench {
namespace {

using namespace std::chrono;
using spoed::FoldName;

constexpr const char* kPassword = "bench-password-fictional";

// --- names and texts (all invented; "(fictief)" marks every family name) ------------------------

constexpr std::array<const char*, 80> kGiven = {
    "Daan",  "Sanne",  "Lucas", "Emma",    "Milan", "Julia",   "Noah",  "Tess",    "Sem",   "Lotte",   "Finn",  "Sofie",
    "Levi",  "Fleur",  "Jesse", "Anouk",   "Thijs", "Iris",    "Ruben", "Femke",   "Bram",  "Noor",    "Luuk",  "Lieke",
    "Stijn", "Roos",   "Gijs",  "Maud",    "Koen",  "Evi",     "Niels", "Jasmijn", "Mees",  "Zoë",     "Teun",  "Liv",
    "Hidde", "Sofië",  "Joep",  "Elif",    "Yara",  "Mohamed", "Aya",   "Ilias",   "Nora",  "Adam",    "Lina",  "Rayan",
    "Hanna", "Omar",   "Senna", "Jayden",  "Isa",   "Dex",     "Mila",  "Boaz",    "Fenna", "Olivier", "Vera",  "Jens",
    "Amira", "Siem",   "Eline", "Quinten", "Saar",  "Tygo",    "Merel", "Ravi",    "Puck",  "Kai",     "Esmée", "Wout",
    "Lara",  "Floris", "Jip",   "Ayoub",   "Nina",  "Cas",     "Demi",  "Hugo"};
constexpr std::array<const char*, 80> kFamily = {
    "Visser",    "de Vries", "Bakker",       "Jansen",      "Smit",      "Mulder",  "de Boer",    "Meijer",
    "Bos",       "Vos",      "Peters",       "Hendriks",    "Dekker",    "Brouwer", "de Wit",     "Dijkstra",
    "Smits",     "de Graaf", "van der Meer", "Kok",         "Jacobs",    "de Haan", "Vermeulen",  "van den Berg",
    "Veenstra",  "Hoekstra", "Koster",       "Prins",       "Blom",      "Huisman", "Kuipers",    "Boersma",
    "Wolters",   "Postma",   "Schouten",     "Jonker",      "Bosma",     "Kramer",  "Zijlstra",   "Dam",
    "El Amrani", "Yilmaz",   "Kaya",         "Bouzid",      "Nguyen",    "Pinas",   "Sedney",     "Wijngaarde",
    "Tahiri",    "Öztürk",   "van Dijk",     "van Leeuwen", "Verhoeven", "Maas",    "Verbeek",    "van Beek",
    "Willems",   "Lammers",  "Scholten",     "Groen",       "van Wijk",  "Hermans", "Timmermans", "Brinkman",
    "Evers",     "Kuiper",   "Gerritsen",    "Hofman",      "Molenaar",  "Sanders", "Schipper",   "Bosch",
    "Hoekman",   "Wouters",  "Koopman",      "Martens",     "Post",      "Stam",    "Hartman",    "ter Horst"};
constexpr std::array<const char*, 40> kMunicipality = {
    "Groningen", "Midden-Groningen", "Eemsdelta",  "Het Hogeland", "Westerkwartier", "Oldambt",
    "Veendam",   "Stadskanaal",      "Pekela",     "Westerwolde",  "Assen",          "Emmen",
    "Hoogeveen", "Meppel",           "Leeuwarden", "Heerenveen",   "Smallingerland", "Súdwest-Fryslân",
    "Zwolle",    "Deventer",         "Enschede",   "Hengelo",      "Almelo",         "Apeldoorn",
    "Arnhem",    "Nijmegen",         "Ede",        "Utrecht",      "Amersfoort",     "Amsterdam",
    "Haarlem",   "Zaanstad",         "Rotterdam",  "Den Haag",     "Leiden",         "Dordrecht",
    "Breda",     "Tilburg",          "Eindhoven",  "Maastricht"};
constexpr std::array<const char*, 10> kAreas = {"mood",    "conflict at home", "school", "psychosis",  "substance use",
                                                "anxiety", "eating",           "trauma", "self-image", "online safety"};
constexpr std::array<const char*, 9> kFlags = {"suicidality",       "suicide_attempt",   "self_harm",
                                               "severe_aggression", "domestic_violence", "substance_use",
                                               "runaway",           "psychosis",         "child_abuse"};
constexpr std::array<double, 9> kFlagShare = {0.14, 0.02, 0.08, 0.05, 0.04, 0.04, 0.03, 0.02, 0.02};
constexpr std::array<const char*, 7> kResponses = {"advice",
                                                   "agreements",
                                                   "de_escalating_conversation",
                                                   "network_engaged",
                                                   "home_visit",
                                                   "psychiatrist_consulted",
                                                   "veilig_thuis_notified"};
constexpr std::array<double, 7> kResponseShare = {0.35, 0.20, 0.25, 0.10, 0.05, 0.04, 0.02};
constexpr std::array<const char*, 4> kOrganisations = {"Accare (fictief)", "Lentis jeugd (fictief)",
                                                       "Karakter (fictief)", "Yulius (fictief)"};

std::string Given(int a) { return kGiven[static_cast<std::size_t>(a)]; }

/// Deterministic draws.
struct Rng {
    explicit Rng(std::uint64_t seed) : g(seed) {}
    std::mt19937_64 g;
    int Pick(int n) { return static_cast<int>(g() % static_cast<std::uint64_t>(n)); }
    double Unit() { return static_cast<double>(g() >> 11) * (1.0 / 9007199254740992.0); }
    bool Chance(double p) { return Unit() < p; }
};

std::string YouthPhone(std::int64_t i) { return "+316" + std::to_string(10'000'000 + i); }
std::string ParentPhone(std::int64_t i) { return "+316" + std::to_string(40'000'000 + i); }
std::string OtherPhone(std::int64_t i) { return "+316" + std::to_string(80'000'000 + i % 10'000'000); }
std::string ProfessionalPhone(int i) { return "+3150" + std::to_string(5'000'000 + i); }

/// "06 1012 3456": how a worker types a mobile number.
std::string Typed(const std::string& e164) {
    std::string national = "0" + e164.substr(3);  // "0610123456"
    return national.substr(0, 2) + " " + national.substr(2, 4) + " " + national.substr(6);
}

std::string IsoDay(year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}
std::string DutchDay(const std::string& iso) {  // "2010-07-03" -> "03-07-2010"
    return iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" + iso.substr(0, 4);
}

TimePoint LocalMidnight(year_month_day d) { return daemon::service::LocalToUtc(local_time<minutes>(local_days(d))); }

/// A safety plan of about 4 KB encoded, with fictional but realistic text.
std::string PlanContent(Rng& rng, const std::string& given, std::int64_t i) {
    static constexpr std::array<const char*, 8> kSigns = {
        "trekt zich terug op de kamer en reageert niet meer op berichten",
        "slaapt slecht, is 's nachts online en eet nauwelijks",
        "wordt snel boos om kleine dingen en gooit met spullen",
        "praat over 'er niet meer willen zijn' en geeft spullen weg",
        "gaat niet meer naar school en ziet vrienden niet meer",
        "krast op de armen en draagt lange mouwen, ook als het warm is",
        "drinkt of blowt meer dan anders, vooral in het weekend",
        "piekert hardop over ruzie thuis en voelt zich schuldig"};
    static constexpr std::array<const char*, 8> kCoping = {
        "muziek luisteren met koptelefoon, de afspeellijst 'rustig' (staat op de telefoon)",
        "een rondje fietsen door de wijk, minstens twintig minuten",
        "onder de douche gaan en daarna thee zetten",
        "tekenen of schrijven in het schrift dat in de bovenste la ligt",
        "ademhalingsoefening 4-7-8, drie keer achter elkaar",
        "de hond uitlaten en onderweg iemand bellen",
        "gamen met vrienden online, maar niet na middernacht",
        "een koud washandje in het gezicht en tien keer diep ademen"};
    static constexpr std::array<const char*, 6> kPlaces = {
        "de sporthal aan de Parklaan (fictief), daar is altijd iemand",
        "bij oma thuis, zij weet van dit plan",
        "de bibliotheek in het centrum",
        "het buurthuis op woensdagmiddag",
        "het park achter de school, bij de vijver",
        "de voetbalclub, training op dinsdag en donderdag"};
    static constexpr std::array<const char*, 6> kSafe = {
        "medicijnen liggen in een afgesloten kastje; ouders hebben de sleutel",
        "scherpe messen worden in de keukenla met slot bewaard",
        "de telefoon gaat 's nachts naar de gang, oplader staat beneden",
        "alcohol is niet in huis; ouders spreken dit ook af met de familie",
        "het balkon blijft 's nachts op slot",
        "de broer houdt een oogje in het zeil als ouders werken"};
    static constexpr std::array<const char*, 6> kDo = {"rustig en kort praten, eerst vragen wat er nu gebeurt",
                                                       "vragen naar suïcidale gedachten, concreet en zonder oordeel",
                                                       "ouders apart spreken als de spanning hoog oploopt",
                                                       "het plan samen doorlopen en bij stap 2 beginnen",
                                                       "afspraken aan het eind van het gesprek hardop herhalen",
                                                       "de volgende dag terugbellen op het afgesproken tijdstip"};
    static constexpr std::array<const char*, 5> kAvoid = {
        "niet dreigen met opname; dat maakt het erger", "geen lange monologen, liever korte vragen",
        "niet over school beginnen als eerste onderwerp", "niet via de moeder laten lopen als de jeugdige zelf belt",
        "geen beloftes doen over geheimhouding die niet kunnen"};
    static constexpr std::array<const char*, 6> kAgreements = {
        "bij oranje belt de jeugdige zelf de crisisdienst of de mentor",
        "ouders bellen bij rood direct, ook 's nachts",
        "de ambulant hulpverlener wordt de volgende werkdag geïnformeerd",
        "bij een time-out mag de jeugdige maximaal een nacht bij oma logeren",
        "het plan wordt elke drie maanden met de behandelaar besproken",
        "de huisarts is op de hoogte van dit plan en heeft een kopie"};

    v1::PlanContent c;
    auto phase = [&](v1::SignalPhase* p, const char* state) {
        p->set_signs(given + " " + kSigns[static_cast<std::size_t>(rng.Pick(8))] + "; " +
                     kSigns[static_cast<std::size_t>(rng.Pick(8))] + " (" + state + ")");
        p->set_what_i_do(std::string("ik ") + kCoping[static_cast<std::size_t>(rng.Pick(8))] + ", en daarna " +
                         kCoping[static_cast<std::size_t>(rng.Pick(8))]);
        p->set_what_others_do(std::string("mijn ouders ") + kDo[static_cast<std::size_t>(rng.Pick(6))] + "; " +
                              kAgreements[static_cast<std::size_t>(rng.Pick(6))]);
    };
    phase(c.mutable_green(), "groen: het gaat goed");
    phase(c.mutable_orange(), "oranje: spanning loopt op");
    phase(c.mutable_red(), "rood: crisis");
    for (int k = 0; k < 5; ++k) c.add_warning_signs(kSigns[static_cast<std::size_t>((i + k) % 8)]);
    for (int k = 0; k < 5; ++k) c.add_own_coping(kCoping[static_cast<std::size_t>((i + 3 * k) % 8)]);
    auto person = [&](google::protobuf::RepeatedPtrField<v1::HelpContact>* to, const std::string& name,
                      const std::string& relation, const std::string& phone) {
        auto* h = to->Add();
        h->set_name(name);
        h->set_relation(relation);
        h->set_phone(phone);
    };
    person(c.mutable_distracting_people(), Given(rng.Pick(80)) + " (fictief)", "beste vriend(in)", OtherPhone(i));
    person(c.mutable_distracting_people(), Given(rng.Pick(80)) + " (fictief)", "teamgenoot", OtherPhone(i + 1));
    for (int k = 0; k < 3; ++k) c.add_distracting_places(kPlaces[static_cast<std::size_t>((i + k) % 6)]);
    person(c.mutable_people_who_can_help(), "Ouder (fictief)", "moeder", ParentPhone(i));
    person(c.mutable_people_who_can_help(), "Oma " + Given(rng.Pick(80)) + " (fictief)", "oma", OtherPhone(i + 2));
    person(c.mutable_professionals(), "J. de Groot (fictief)", "ambulant hulpverlener",
           ProfessionalPhone(rng.Pick(9000)));
    person(c.mutable_professionals(), "Huisartsenpraktijk De Linde (fictief)", "huisarts",
           ProfessionalPhone(rng.Pick(9000)));
    person(c.mutable_professionals(), "Crisisdienst jeugd (fictief)", "crisisdienst, 24/7",
           "+31800" + std::to_string(1000000 + i % 9000));
    for (int k = 0; k < 4; ++k) c.add_making_environment_safe(kSafe[static_cast<std::size_t>((i + k) % 6)]);
    for (int k = 0; k < 5; ++k) c.add_crisis_workers_do(kDo[static_cast<std::size_t>((i + k) % 6)]);
    for (int k = 0; k < 4; ++k) c.add_crisis_workers_avoid(kAvoid[static_cast<std::size_t>((i + k) % 5)]);
    // Agreements until the plan is about 3.9 KB, so that GetPlan answers about 4 KB.
    for (int k = 0; c.ByteSizeLong() < 3850 && k < 60; ++k) {
        c.add_agreements(std::string(kAgreements[static_cast<std::size_t>((i + k) % 6)]) + " (afspraak " +
                         std::to_string(k + 1) + ")");
    }
    return c.SerializeAsString();
}

// --- the bulk writer ------------------------------------------------------------------------------

/// Prepared once, reused for every row: the repositories' own INSERT statements (SqlYouthRepo,
/// SqlConsentRepo, SqlPreRegistrationRepo, SqlPlanRepo, SqlCaseRepo, SqlConsultRepo,
/// SqlHandoverRepo), plus a status column where the repositories insert first and update after
/// (handovers, evaluations): the triggers see the same final rows.
struct Statements {
    explicit Statements(db::Connection& c)
        : youth(c.Prepare("INSERT INTO youths (given_name, family_name, folded_name, date_of_birth, municipality, bsn, "
                          "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          phone(c.Prepare("INSERT INTO youth_phones (youth_id, number, label) VALUES (?, ?, ?)")),
          youth_contact(
              c.Prepare("INSERT INTO youth_contacts (youth_id, kind, name, relation, phone) VALUES (?, ?, ?, ?, ?)")),
          name(c.Prepare("INSERT INTO youth_names (rowid, folded_name) VALUES (?, ?)")),
          consent(c.Prepare("INSERT INTO consents (youth_id, scope, given_by_youth, given_by_guardian, given_at, "
                            "valid_until, withdrawn_at, withdrawn_by, recorded_by, recorded_at, note) VALUES (?, ?, "
                            "?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          pre_registration(
              c.Prepare("INSERT INTO pre_registrations (youth_id, organisation, professional, professional_phone, "
                        "ongoing_care, ongoing_care_contact, legal_measure, legal_measure_note, started_at, ended_at, "
                        "end_reason, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          plan(c.Prepare("INSERT INTO plan_versions (youth_id, version, author_id, created_at, change_note, content) "
                         "VALUES (?, ?, ?, ?, ?, ?)")),
          kase(c.Prepare("INSERT INTO cases (youth_id, caller_description, status, complexity, case_lead, outcome, "
                         "opened_by, opened_at, closed_at, closed_by, closing_note, updated_at) VALUES (?, ?, ?, ?, "
                         "?, ?, ?, ?, ?, ?, ?, ?)")),
          area(c.Prepare("INSERT INTO case_problem_areas (case_id, area) VALUES (?, ?) ON CONFLICT (case_id, area) DO "
                         "NOTHING")),
          flag(c.Prepare(
              "INSERT INTO case_risk_flags (case_id, flag) VALUES (?, ?) ON CONFLICT (case_id, flag) DO NOTHING")),
          contact(c.Prepare("INSERT INTO contacts (case_id, type, started_at, ended_at, caller_role, caller_phone, "
                            "summary, plan_version_consulted, logged_by, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                            "?, ?)")),
          worker(c.Prepare("INSERT INTO contact_workers (contact_id, user_id) VALUES (?, ?) ON CONFLICT (contact_id, "
                           "user_id) DO NOTHING")),
          response(c.Prepare("INSERT INTO contact_responses (contact_id, response) VALUES (?, ?) ON CONFLICT "
                             "(contact_id, response) DO NOTHING")),
          consult(c.Prepare("INSERT INTO consults (case_id, question, urgency, requested_by, requested_at, "
                            "psychiatrist, answered_at, advice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")),
          handover(c.Prepare(
              "INSERT INTO handovers (case_id, kind, organisation_id, recipient_name, recipient_contact, "
              "recipient_phone, consent_id, legal_ground, due_at, due_reason, status, agreements, escalation_reason, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
          step(c.Prepare("INSERT INTO handover_steps (handover_id, step, at, by_user, note) VALUES (?, ?, ?, ?, ?)")),
          evaluation(c.Prepare("INSERT INTO evaluations (case_id, reasons, status, due_by, planned_for, held_on, "
                               "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}
    db::Statement youth, phone, youth_contact, name, consent, pre_registration, plan, kase, area, flag, contact, worker,
        response, consult, handover, step, evaluation;
};

void Run(db::Statement& st) {
    st.Run();
    st.Reset();
}

struct Youth {
    std::int64_t id = 0;
    std::int64_t first_plan = 0;  // micros, 0: none
    bool pre_registered = false;
    bool own_phone = false;
};

struct Options {
    std::string out;
    std::int64_t youths = 0;
    std::uint64_t seed = 20261123;
    std::string now;  // "" = today
};

int Usage(const char* why) {
    std::cerr << "spoed-bench-data: " << why
              << "\nusage: spoed-bench-data --out DB_PATH --youths N [--seed S] [--now YYYY-MM-DD]\n";
    return 2;
}

/// SPOED_BENCH_PROFILE=1: time per top-level statement (its triggers included), to stderr.
std::map<std::string, std::pair<std::int64_t, std::int64_t>> g_profile;  // sql -> (calls, ns)
int OnProfile(unsigned type, void*, void* p, void* x) {
    if (type != SQLITE_TRACE_PROFILE) return 0;
    auto& e = g_profile[sqlite3_sql(static_cast<sqlite3_stmt*>(p))];
    e.first++;
    e.second += *static_cast<std::int64_t*>(x);
    return 0;
}

double Seconds(steady_clock::time_point since) { return duration<double>(steady_clock::now() - since).count(); }

int Main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--out") {
            o.out = value();
        } else if (a == "--youths") {
            o.youths = std::atoll(value().c_str());
        } else if (a == "--seed") {
            o.seed = std::strtoull(value().c_str(), nullptr, 10);
        } else if (a == "--now") {
            o.now = value();
        } else {
            return Usage(("unknown argument " + a).c_str());
        }
    }
    if (o.out.empty()) return Usage("--out is required");
    if (o.youths < 10 || o.youths > 10'000'000) return Usage("--youths must be 10 to 10000000");
    if (std::filesystem::exists(o.out) || std::filesystem::exists(o.out + "-wal")) {
        std::cerr << "spoed-bench-data: " << o.out << " exists; it is never overwritten (remove it first)\n";
        return 1;
    }

    // "now": the given date at noon (Amsterdam), or the real time when that lies ahead today.
    const TimePoint real_now = time_point_cast<microseconds>(system_clock::now());
    year_month_day today{floor<days>(daemon::service::UtcToLocal(real_now))};
    year_month_day now_day = today;
    if (!o.now.empty()) {
        int y = 0;
        unsigned m = 0, d = 0;
        if (std::sscanf(o.now.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return Usage("--now must be YYYY-MM-DD");
        now_day = year_month_day{year{y}, month{m}, day{d}};
        if (!now_day.ok()) return Usage("--now is not a valid date");
    }
    TimePoint now = LocalMidnight(now_day) + hours(12);
    if (now_day == today && now > real_now) now = real_now;
    const std::int64_t now_us = ToMicros(now);
    const auto start = steady_clock::now();

    const std::int64_t n = o.youths;
    const std::int64_t n_cases = 3 * n;
    Rng rng(o.seed);
    Manifest manifest;
    manifest.youths = n;
    manifest.seed = o.seed;
    manifest.now = IsoDay(now_day);
    manifest.figures_year = static_cast<int>(now_day.year());

    // 1. Schema, users and shifts through the daemon's own code.
    std::int64_t worker_id = 0, coord_id = 0, psychiatrist_id = 0;
    std::vector<std::int64_t> staff;
    {
        db::SqliteOptions so;
        so.path = o.out;
        so.readers = 1;
        auto store = db::SqliteStore::Open(so);
        daemon::service::PasswordHasher hasher;
        auto hash = hasher.Hash(kPassword);
        if (!hash.ok()) {
            std::cerr << "spoed-bench-data: password hashing failed\n";
            return 1;
        }
        Status st = store->Write([&](db::Tx& tx) -> Status {
            auto add = [&](const std::string& username, const std::string& display, const std::string& pw,
                           std::vector<std::string> roles) -> std::int64_t {
                db::UserRecord u;
                u.username = username;
                u.display_name = display;
                u.password_hash = pw;
                u.roles = std::move(roles);
                u.created_at = u.updated_at = now - days(3 * 365 + 200);
                return tx.users().Insert(u).value_or(0);
            };
            worker_id = add("bench.worker", "Bench Worker (fictief)", *hash, {"crisis_worker"});
            coord_id = add("bench.coord", "Bench Coördinator (fictief)", *hash, {"coordinator"});
            // Staff that did the generated work; they cannot log in (no password hash).
            psychiatrist_id = add("bench.psychiatrist", "Psychiater Bench (fictief)", "-", {"psychiatrist"});
            for (int k = 0; k < 40; ++k) {
                char name[32];
                std::snprintf(name, sizeof name, "bench.staff%02d", k);
                staff.push_back(add(name, Given(k) + " Medewerker (fictief)", "-", {"crisis_worker"}));
            }
            // Today's shift (and the evenings around it, since a night belongs to the evening it
            // started) with bench.worker and bench.coord rostered.
            for (int dd = -1; dd <= 1; ++dd) {
                db::ShiftRecord s;
                s.shift_date = IsoDay(year_month_day{sys_days(now_day) + days(dd)});
                s.workers = {worker_id, coord_id, staff[0], staff[1]};
                s.psychiatrist = psychiatrist_id;
                s.psychiatrist_phone = ProfessionalPhone(1);
                s.set_by = coord_id;
                s.set_at = now - days(2);
                tx.shifts().Put(s);
            }
            return Ok();
        });
        if (!st.ok() || worker_id == 0 || coord_id == 0) {
            std::cerr << "spoed-bench-data: could not write the users\n";
            return 1;
        }
    }  // closes the store (checkpoints the WAL)

    // 2. The bulk, on one writer connection with the daemon's pragmas except durability: a crash
    // while generating leaves a file to throw away, so synchronous is OFF here.
    db::Connection conn(o.out, db::Connection::Mode::kReadWriteCreate);
    if (conn.QueryText("PRAGMA journal_mode = WAL") != "wal") {
        std::cerr << "spoed-bench-data: no WAL\n";
        return 1;
    }
    conn.Exec("PRAGMA foreign_keys = ON");
    conn.Exec("PRAGMA synchronous = OFF");
    // A page cache that holds the indexes being appended to, and the file mapped for reads: at
    // 1,000,000 youths the generator otherwise spends a tenth of its time re-reading pages.
    conn.Exec("PRAGMA cache_size = -2097152");  // 2 GiB
    conn.Exec("PRAGMA mmap_size = 8589934592");
    conn.Exec("PRAGMA temp_store = MEMORY");
    Statements s(conn);
    const bool profile = std::getenv("SPOED_BENCH_PROFILE") != nullptr;
    if (profile) sqlite3_trace_v2(conn.handle(), SQLITE_TRACE_PROFILE, OnProfile, nullptr);

    constexpr int kRowsPerTx = 50'000;
    int in_tx = 0;
    conn.Exec("BEGIN");
    auto tick = [&](int rows) {
        in_tx += rows;
        if (in_tx >= kRowsPerTx) {
            conn.Exec("COMMIT");
            conn.Exec("BEGIN");
            in_tx = 0;
        }
    };

    // Youths: every fifth pre-registered with consent, a pre-registration and a plan.
    std::vector<Youth> youths(static_cast<std::size_t>(n));
    std::vector<std::string> dobs(static_cast<std::size_t>(n));
    std::vector<std::array<int, 3>> names(static_cast<std::size_t>(n));  // given, family, second family (-1)
    const TimePoint span_start = now - days(3 * 365);
    const std::int64_t span_us = ToMicros(now) - ToMicros(span_start);
    for (std::int64_t i = 0; i < n; ++i) {
        auto& y = youths[static_cast<std::size_t>(i)];
        int g = rng.Pick(80), f = rng.Pick(80), f2 = rng.Chance(0.5) ? rng.Pick(80) : -1;
        names[static_cast<std::size_t>(i)] = {g, f, f2};
        std::string given = Given(g);
        std::string family = std::string(kFamily[static_cast<std::size_t>(f)]) +
                             (f2 >= 0 ? std::string("-") + kFamily[static_cast<std::size_t>(f2)] : "") + " (fictief)";
        year_month_day dob{year{static_cast<int>(now_day.year()) - 8 - rng.Pick(16)},
                           month{static_cast<unsigned>(1 + rng.Pick(12))},
                           day{static_cast<unsigned>(1 + rng.Pick(28))}};
        dobs[static_cast<std::size_t>(i)] = IsoDay(dob);
        std::int64_t created = ToMicros(span_start) - static_cast<std::int64_t>(rng.Unit() * 86400e6 * 365);
        s.youth.Bind(1, given).Bind(2, family).Bind(3, FoldName(given + " " + family));
        s.youth.Bind(4, dobs[static_cast<std::size_t>(i)])
            .Bind(5, kMunicipality[static_cast<std::size_t>(rng.Pick(40))]);
        s.youth.BindNull(6).Bind(7, staff[static_cast<std::size_t>(rng.Pick(40))]).Bind(8, created).Bind(9, created);
        Run(s.youth);
        y.id = conn.LastInsertId();
        y.own_phone = rng.Chance(0.92);
        if (y.own_phone) {
            s.phone.Bind(1, y.id).Bind(2, YouthPhone(i)).Bind(3, "mobiel");
            Run(s.phone);
        }
        s.youth_contact.Bind(1, y.id).Bind(2, "guardian").Bind(3, "Ouder " + family).Bind(4, "ouder");
        s.youth_contact.Bind(5, ParentPhone(i));
        Run(s.youth_contact);
        if (rng.Chance(0.25)) {
            s.youth_contact.Bind(1, y.id).Bind(2, "network").Bind(3, "Buurvrouw (fictief)").Bind(4, "buurvrouw");
            s.youth_contact.Bind(5, rng.Chance(0.5) ? OtherPhone(i) : "");
            Run(s.youth_contact);
        }
        s.name.Bind(1, y.id).Bind(2, FoldName(given + " " + family));
        Run(s.name);
        int rows = 4;
        if (i % 5 == 0) {
            y.pre_registered = true;
            std::int64_t started = ToMicros(span_start) - static_cast<std::int64_t>(86400e6 * 180) +
                                   static_cast<std::int64_t>(rng.Unit() * static_cast<double>(span_us));
            started = std::min(started, now_us - static_cast<std::int64_t>(86400e6 * 30));
            s.consent.Bind(1, y.id).Bind(2, "pre_registration").Bind(3, true).Bind(4, "Ouder (fictief)");
            s.consent.Bind(5, started).BindNull(6).BindNull(7).BindNull(8).Bind(9, coord_id).Bind(10, started);
            s.consent.Bind(11, "schriftelijk, formulier in dossier (fictief)");
            Run(s.consent);
            s.pre_registration.Bind(1, y.id).Bind(2, kOrganisations[static_cast<std::size_t>(rng.Pick(4))]);
            s.pre_registration.Bind(3, "J. de Groot (fictief)").Bind(4, ProfessionalPhone(rng.Pick(9000)));
            s.pre_registration.Bind(5, "ambulant team (fictief)")
                .Bind(6, "")
                .Bind(7, rng.Chance(0.1) ? "supervision_order" : "none");
            s.pre_registration.Bind(8, "")
                .Bind(9, started)
                .BindNull(10)
                .Bind(11, "")
                .Bind(12, coord_id)
                .Bind(13, started);
            Run(s.pre_registration);
            int versions = rng.Chance(0.15) ? 2 : 1;
            std::int64_t at = started + static_cast<std::int64_t>(86400e6 * 7);
            for (int v = 1; v <= versions; ++v) {
                if (v == 2) at += static_cast<std::int64_t>(rng.Unit() * static_cast<double>(now_us - at - 86400e6));
                s.plan.Bind(1, y.id).Bind(2, v).Bind(3, staff[static_cast<std::size_t>(rng.Pick(40))]).Bind(4, at);
                s.plan.Bind(5, v == 1 ? "eerste versie, opgesteld met jeugdige en ouders" : "aangepast na evaluatie");
                s.plan.BindBlob(6, PlanContent(rng, given, i));
                Run(s.plan);
                if (v == 1) y.first_plan = at;
            }
            rows += 2 + versions;
        }
        tick(rows);
    }
    conn.Exec("COMMIT");
    conn.Exec("BEGIN");
    in_tx = 0;
    const double youths_seconds = Seconds(start);
    std::cerr << "spoed-bench-data: " << n << " youths in " << youths_seconds << " s\n";

    // Cases over the past three years, oldest first, each with its contacts, consults, handovers
    // and evaluation. The newest ones are still open.
    std::vector<std::int64_t> opened(static_cast<std::size_t>(n_cases));
    for (auto& t : opened)
        t = ToMicros(span_start) +
            static_cast<std::int64_t>(rng.Unit() * static_cast<double>(span_us - 3'600'000'000LL));
    std::sort(opened.begin(), opened.end());
    const std::int64_t open_from = n_cases - std::max<std::int64_t>(250, n_cases / 150);
    std::vector<std::int64_t> open_cases, contact_cases;
    std::int64_t contacts_total = 0, handovers_total = 0, evaluations_total = 0, consults_total = 0;
    const std::int64_t n_pre = (n + 4) / 5;
    for (std::int64_t k = 0; k < n_cases; ++k) {
        const std::int64_t at = opened[static_cast<std::size_t>(k)];
        // The youth: unknown for some; pre-registered youths call more often.
        std::int64_t yi = -1;
        if (!rng.Chance(0.08)) {
            yi = rng.Chance(0.35) ? 5 * static_cast<std::int64_t>(rng.Pick(static_cast<int>(n_pre)))
                                  : static_cast<std::int64_t>(rng.Pick(static_cast<int>(n)));
        }
        const Youth* y = yi >= 0 ? &youths[static_cast<std::size_t>(yi)] : nullptr;
        const bool open = k >= open_from;
        std::string complexity = rng.Chance(0.06) ? "complex" : "normal";
        std::optional<std::string> outcome;
        std::optional<std::int64_t> closed_at;
        if (!open) {
            double u = rng.Unit();
            outcome = u < 0.55 ? "stayed_home" : u < 0.80 ? "own_network" : u < 0.92 ? "crisis_placement" : "admission";
            closed_at = std::min(now_us - 60'000'000, at + static_cast<std::int64_t>((1 + rng.Pick(72)) * 3600e6));
        }
        const std::int64_t by = staff[static_cast<std::size_t>(rng.Pick(40))];
        s.kase.Bind(1, y ? std::optional<std::int64_t>(y->id) : std::nullopt);
        s.kase.Bind(2, y ? "" : "onbekende beller (fictief)").Bind(3, open ? "open" : "closed").Bind(4, complexity);
        s.kase.Bind(5, std::optional<std::int64_t>(by)).Bind(6, outcome).Bind(7, by).Bind(8, at).Bind(9, closed_at);
        s.kase.Bind(10, closed_at ? std::optional<std::int64_t>(by) : std::nullopt);
        s.kase.Bind(11, open ? "" : "afgesloten na telefonisch contact (fictief)").Bind(12, closed_at.value_or(at));
        Run(s.kase);
        const std::int64_t case_id = conn.LastInsertId();
        if (open) open_cases.push_back(case_id);
        int rows = 1;
        int areas = rng.Chance(0.8) ? 1 + (rng.Chance(0.2) ? 1 : 0) : 0;
        for (int a = 0, first = rng.Pick(10); a < areas; ++a) {
            s.area.Bind(1, case_id).Bind(2, kAreas[static_cast<std::size_t>((first + 3 * a) % 10)]);
            Run(s.area);
        }
        std::vector<std::string> flags;
        for (std::size_t f = 0; f < kFlags.size(); ++f) {
            if (rng.Chance(kFlagShare[f])) {
                flags.push_back(kFlags[f]);
                s.flag.Bind(1, case_id).Bind(2, kFlags[f]);
                Run(s.flag);
            }
        }
        rows += areas + static_cast<int>(flags.size());

        // Contacts: 1 to 5, two on average; the first at the opening.
        double u = rng.Unit();
        int contacts = u < 0.45 ? 1 : u < 0.70 ? 2 : u < 0.85 ? 3 : u < 0.95 ? 4 : 5;
        std::int64_t t = at;
        const std::int64_t last = closed_at.value_or(now_us - 60'000'000);
        for (int c = 0; c < contacts; ++c) {
            if (c > 0) t = std::min(last, t + static_cast<std::int64_t>((10 + rng.Pick(24 * 60)) * 60e6));
            double r = rng.Unit();
            std::string role = !y         ? (r < 0.5   ? "other"
                                             : r < 0.8 ? "police"
                                                       : "gp")
                               : r < 0.35 ? "youth"
                               : r < 0.75 ? "parent"
                               : r < 0.88 ? "professional"
                               : r < 0.94 ? "police"
                                          : "gp";
            std::string phone;
            if (role == "youth" && y->own_phone) phone = YouthPhone(yi);
            if (role == "parent") phone = ParentPhone(yi);
            if (role == "professional") phone = ProfessionalPhone(rng.Pick(9000));
            if (role == "other") phone = OtherPhone(case_id);
            int plan_version = y && y->first_plan != 0 && y->first_plan <= t && rng.Chance(0.6) ? 1 : 0;
            s.contact.Bind(1, case_id)
                .Bind(2, c == 0 || rng.Chance(0.6) ? "incoming_call"
                         : rng.Chance(0.8)         ? "outgoing_call"
                                                   : "home_visit");
            s.contact.Bind(3, t).Bind(4, t + static_cast<std::int64_t>((3 + rng.Pick(40)) * 60e6)).Bind(5, role);
            s.contact.Bind(6, phone).Bind(7, "gesprek gevoerd, afspraken gemaakt (fictief)").Bind(8, plan_version);
            const std::int64_t logger = staff[static_cast<std::size_t>(rng.Pick(40))];
            s.contact.Bind(9, logger).Bind(10, t + static_cast<std::int64_t>(45 * 60e6));
            Run(s.contact);
            const std::int64_t contact_id = conn.LastInsertId();
            s.worker.Bind(1, contact_id).Bind(2, logger);
            Run(s.worker);
            rows += 2;
            if (rng.Chance(0.10)) {
                s.worker.Bind(1, contact_id).Bind(2, staff[static_cast<std::size_t>(rng.Pick(40))]);
                Run(s.worker);
                ++rows;
            }
            for (std::size_t r2 = 0; r2 < kResponses.size(); ++r2) {
                if (rng.Chance(kResponseShare[r2])) {
                    s.response.Bind(1, contact_id).Bind(2, kResponses[r2]);
                    Run(s.response);
                    ++rows;
                }
            }
        }
        contacts_total += contacts;
        if (contact_cases.size() < 100'000) contact_cases.push_back(case_id);

        // Consults with the psychiatrist on duty.
        if (rng.Chance(0.08)) {
            std::int64_t req = at + static_cast<std::int64_t>(20 * 60e6);
            bool answered = !open || rng.Chance(0.5);
            s.consult.Bind(1, case_id)
                .Bind(2, "medicatie en veiligheid vannacht? (fictief)")
                .Bind(3, rng.Chance(0.7) ? "urgent" : "routine");
            s.consult.Bind(4, by).Bind(5, req).Bind(
                6, answered ? std::optional<std::int64_t>(psychiatrist_id) : std::nullopt);
            s.consult.Bind(
                7, answered ? std::optional<std::int64_t>(req + static_cast<std::int64_t>((5 + rng.Pick(60)) * 60e6))
                            : std::nullopt);
            s.consult.Bind(8, answered ? std::optional<std::string>("advies gegeven (fictief)") : std::nullopt);
            Run(s.consult);
            ++consults_total;
            ++rows;
        }
        // Handovers after most crisis placements and admissions, and a third of the others.
        bool complex_outcome = outcome && (*outcome == "crisis_placement" || *outcome == "admission");
        if (!open && rng.Chance(complex_outcome ? 0.9 : 0.3)) {
            std::int64_t created = *closed_at;
            std::int64_t due = created + static_cast<std::int64_t>((rng.Chance(0.7) ? 24 : 72) * 3600e6);
            double h = rng.Unit();
            std::string status = h < 0.85 ? "confirmed" : h < 0.90 ? "escalated" : "open";
            std::int64_t confirmed = created + static_cast<std::int64_t>((30 + rng.Pick(48 * 60)) * 60e6);
            if (status == "confirmed" && confirmed > now_us) status = "open";
            const char* kind = complex_outcome ? "ongoing_care" : rng.Chance(0.5) ? "local_team" : "gp";
            s.handover.Bind(1, case_id).Bind(2, kind).BindNull(3).Bind(4, "Wijkteam (fictief)").Bind(5, "");
            s.handover.Bind(6, ProfessionalPhone(rng.Pick(9000))).BindNull(7);
            s.handover.Bind(8, "toestemming jeugdige en ouders, mondeling (fictief)").Bind(9, due).Bind(10, "");
            s.handover.Bind(11, status).Bind(12, status == "confirmed" ? "terugbelafspraak gemaakt (fictief)" : "");
            s.handover.Bind(13, status == "escalated" ? "niet bereikbaar (fictief)" : "")
                .Bind(14, by)
                .Bind(15, created);
            Run(s.handover);
            const std::int64_t hid = conn.LastInsertId();
            ++handovers_total;
            rows += 1;
            if (status == "confirmed") {
                s.step.Bind(1, hid)
                    .Bind(2, "receiver_contacted")
                    .Bind(3, created + static_cast<std::int64_t>(10 * 60e6));
                s.step.Bind(4, by).Bind(5, "");
                Run(s.step);
                s.step.Bind(1, hid).Bind(2, "confirmed").Bind(3, confirmed).Bind(4, by).Bind(5, "");
                Run(s.step);
                rows += 2;
            }
        }
        // Evaluations of complex cases (the default rules), most of them held.
        bool complex = complexity == "complex" || complex_outcome ||
                       std::find(flags.begin(), flags.end(), "suicide_attempt") != flags.end();
        if (!open && complex && rng.Chance(0.75)) {
            std::int64_t created = *closed_at;
            year_month_day due_day{floor<days>(daemon::service::UtcToLocal(FromMicros(created)) + days(28))};
            bool held = created < now_us - static_cast<std::int64_t>(86400e6 * 28) || rng.Chance(0.3);
            std::string reasons = complexity == "complex" ? "marked_complex"
                                  : complex_outcome       ? *outcome
                                                          : "suicide_attempt";
            s.evaluation.Bind(1, case_id).Bind(2, reasons).Bind(3, held ? "held" : "planned").Bind(4, IsoDay(due_day));
            s.evaluation.Bind(5, "").Bind(6, held ? IsoDay(due_day) : "").BindNull(7).Bind(8, created).Bind(9, created);
            Run(s.evaluation);
            ++evaluations_total;
            ++rows;
        }
        tick(rows);
        if ((k + 1) % 500'000 == 0) {
            std::cerr << "spoed-bench-data: " << (k + 1) << " cases, " << Seconds(start) << " s\n";
        }
    }
    conn.Exec("COMMIT");
    const double cases_seconds = Seconds(start) - youths_seconds;
    conn.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (profile) {
        for (const auto& [sql, e] : g_profile) {
            std::cerr << e.second / 1000000 << " ms " << e.first << " calls: " << sql.substr(0, 70) << "\n";
        }
    }

    // 3. The manifest: spread picks over the whole range, deterministic.
    auto spread = [](const auto& from, std::size_t want) {
        std::vector<std::decay_t<decltype(from[0])>> out;
        if (from.empty()) return out;
        for (std::size_t k = 0; k < want; ++k) out.push_back(from[k * from.size() / want]);
        return out;
    };
    manifest.users = {{"bench.worker", kPassword, {"crisis_worker"}}, {"bench.coord", kPassword, {"coordinator"}}};
    std::vector<std::int64_t> plan_ids;
    for (std::int64_t i = 0; i < n; i += 5) plan_ids.push_back(youths[static_cast<std::size_t>(i)].id);
    manifest.plan_youth_ids = spread(plan_ids, std::min<std::size_t>(plan_ids.size(), 250));
    manifest.open_case_ids = spread(open_cases, std::min<std::size_t>(open_cases.size(), 250));
    manifest.case_ids = spread(contact_cases, std::min<std::size_t>(contact_cases.size(), 250));
    // A youth's own number, or a parent's (every youth has one; a few youths have no phone).
    auto phone_of = [&](std::int64_t i, bool parent) {
        return parent || !youths[static_cast<std::size_t>(i)].own_phone ? ParentPhone(i) : YouthPhone(i);
    };
    for (std::int64_t k = 0; k < 250; ++k) manifest.lookup_phones.push_back(phone_of((k * 7919) % n, k % 2 == 1));
    // Search queries as typed: full names (narrow), fragments (broad), dates, date + name, numbers.
    auto youth_at = [&](std::int64_t k) { return (k * 104729 + 17) % n; };
    auto family_of = [&](std::int64_t i) {
        const auto& nm = names[static_cast<std::size_t>(i)];
        return std::string(kFamily[static_cast<std::size_t>(nm[1])]) +
               (nm[2] >= 0 ? std::string("-") + kFamily[static_cast<std::size_t>(nm[2])] : "");
    };
    for (std::int64_t k = 0; k < 15; ++k) {  // narrow: a youth's full name
        std::int64_t i = youth_at(k);
        manifest.search_queries.push_back(Given(names[static_cast<std::size_t>(i)][0]) + " " + family_of(i));
    }
    for (const char* q : {"de", "van", "jan", "sem", "bos", "vries", "ma", "ee", "mila", "berg", "kok", "yilmaz"}) {
        manifest.search_queries.push_back(q);  // broad fragments
    }
    for (std::int64_t k = 15; k < 27; ++k)
        manifest.search_queries.push_back(DutchDay(dobs[static_cast<std::size_t>(youth_at(k))]));
    for (std::int64_t k = 27; k < 39; ++k) {
        std::int64_t i = youth_at(k);
        manifest.search_queries.push_back(DutchDay(dobs[static_cast<std::size_t>(i)]) + " " +
                                          kFamily[static_cast<std::size_t>(names[static_cast<std::size_t>(i)][1])]);
    }
    for (std::int64_t k = 39; k < 51; ++k) {
        std::int64_t i = youth_at(k);
        manifest.search_queries.push_back(Typed(phone_of(i, k % 2 == 1)));
    }
    for (std::int64_t k = 51; k < 57; ++k) {  // given name and part of the family name
        std::int64_t i = youth_at(k);
        std::string fam = kFamily[static_cast<std::size_t>(names[static_cast<std::size_t>(i)][1])];
        manifest.search_queries.push_back(
            Given(names[static_cast<std::size_t>(i)][0]) + " " +
            fam.substr(fam.find_last_of(' ') == std::string::npos ? 0 : fam.find_last_of(' ') + 1, 4));
    }

    const double total = Seconds(start);
    auto file_size = [](const std::string& p) -> std::int64_t {
        std::error_code ec;
        auto size = std::filesystem::file_size(p, ec);
        return ec ? 0 : static_cast<std::int64_t>(size);
    };
    std::string extra =
        "\"generated\": {\"cases\": " + std::to_string(n_cases) +
        ", \"open_cases\": " + std::to_string(open_cases.size()) + ", \"contacts\": " + std::to_string(contacts_total) +
        ", \"consults\": " + std::to_string(consults_total) + ", \"handovers\": " + std::to_string(handovers_total) +
        ", \"evaluations\": " + std::to_string(evaluations_total) +
        ", \"pre_registrations\": " + std::to_string(plan_ids.size()) + ", \"seconds\": " + std::to_string(total) +
        ", \"youth_seconds\": " + std::to_string(youths_seconds) +
        ", \"case_seconds\": " + std::to_string(cases_seconds) + ", \"bytes\": " + std::to_string(file_size(o.out)) +
        "}";
    std::ofstream(o.out + ".json") << ManifestJson(manifest, extra);
    std::cerr << "spoed-bench-data: " << n << " youths, " << n_cases << " cases, " << contacts_total << " contacts, "
              << handovers_total << " handovers, " << evaluations_total << " evaluations in " << total << " s; "
              << file_size(o.out) / (1024 * 1024) << " MiB\n";
    return 0;
}

}  // namespace
}  // namespace spoed::bench

int main(int argc, char** argv) {
    try {
        return spoed::bench::Main(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "spoed-bench-data: " << e.what() << "\n";
        return 1;
    }
}
