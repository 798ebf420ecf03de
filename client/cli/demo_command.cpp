// spoedctl demo load: a clearly fictional data set, loaded through the API like any client
// would (so every rule and audit line applies). All names carry "(fictief)"; numbers are made up.
#include <cstdio>
#include <string>
#include <vector>

#include "base/totp_code.hpp"
#include "client/cli/cli.hpp"
#include "spoed/v1/admin.pb.h"
#include "spoed/v1/auth.pb.h"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/plan.pb.h"
#include "spoed/v1/shift.pb.h"
#include "spoed/v1/youth.pb.h"

namespace spoed::cli {
namespace {

struct DemoUser {
    const char* username;
    const char* display_name;
    v1::Role role;
    const char* password;
    bool meldcode_officer = false;  // also the aandachtsfunctionaris of the Meldcode
};

// Demo accounts with published passwords: for trying Spoed out, never for real work.
constexpr DemoUser kDemoUsers[] = {
    {"demo.anna", "Anna Hoekstra (demo)", v1::ROLE_CRISIS_WORKER, "demo-anna-wachtwoord"},
    {"demo.bram", "Bram Wolters (demo)", v1::ROLE_CRISIS_WORKER, "demo-bram-wachtwoord"},
    {"demo.pieter", "Pieter Kuipers (demo)", v1::ROLE_PSYCHIATRIST, "demo-pieter-wachtwoord"},
    {"demo.carla", "Carla Dijkstra (demo)", v1::ROLE_COORDINATOR, "demo-carla-wachtwoord", true},
};

constexpr const char* kGivenNames[] = {"Daan",  "Sanne", "Lucas", "Emma",  "Milan", "Julia", "Noah",  "Tess",
                                       "Sem",   "Lotte", "Finn",  "Sofie", "Levi",  "Fleur", "Jesse", "Anouk",
                                       "Thijs", "Iris",  "Ruben", "Femke", "Bram",  "Noor",  "Luuk",  "Lieke",
                                       "Stijn", "Roos",  "Gijs",  "Maud",  "Koen",  "Evi",   "Niels", "Jasmijn"};
constexpr const char* kFamilyNames[] = {"Visser",  "de Vries", "Bakker", "Jansen", "Smit",   "Mulder",
                                        "de Boer", "Meijer",   "Bos",    "Vos",    "Peters", "Hendriks"};
constexpr const char* kMunicipalities[] = {"Groningen",      "Midden-Groningen", "Eemsdelta", "Het Hogeland",
                                           "Westerkwartier", "Oldambt",          "Veendam",   "Stadskanaal"};

/// Runs calls as one demo user; the first failure stops the load with a message.
class Loader {
  public:
    explicit Loader(Context& ctx) : ctx_(ctx) {}

    template <typename Req, typename Resp>
    bool Call(const std::string& token, const v1::rpc::Method<Req, Resp>& rpc, const std::type_identity_t<Req>& req,
              std::type_identity_t<Resp>* out = nullptr) {
        ctx_.client().SetToken(token);
        auto r = ctx_.client().Call(rpc, req);
        if (!r.ok()) {
            std::fprintf(stderr, "spoedctl: demo load: %s failed: %s\n", std::string(rpc.path).c_str(),
                         r.error().message.c_str());
            return false;
        }
        if (out) *out = std::move(r).value();
        return true;
    }

    /// Logs in; returns the token or "".
    std::string Login(const char* user, const char* password) {
        v1::LoginRequest req;
        req.set_username(user);
        req.set_password(password);
        v1::LoginResponse resp;
        return Call("", v1::rpc::AuthService::Login, req, &resp) ? resp.token() : "";
    }

  private:
    Context& ctx_;
};

v1::Date MakeDate(int y, int m, int d) {
    v1::Date out;
    out.set_year(y);
    out.set_month(m);
    out.set_day(d);
    return out;
}

std::string Phone(int n) { return "06-" + std::to_string(20000000 + n); }

int DemoLoad(Context& ctx) {
    Loader load(ctx);
    const std::string admin_token = ctx.saved().token;
    if (admin_token.empty()) {
        std::fputs("spoedctl: demo load needs an admin login first (spoedctl login NAME)\n", stderr);
        return 1;
    }
    // 1. Demo accounts: created by the admin with a temporary password, then each sets its
    //    published demo password (the API requires a user to choose their own).
    std::vector<std::string> tokens;
    std::vector<std::int64_t> ids;
    for (const auto& u : kDemoUsers) {
        v1::CreateUserRequest req;
        req.set_username(u.username);
        req.set_display_name(u.display_name);
        req.add_roles(u.role);
        if (u.meldcode_officer) req.add_roles(v1::ROLE_MELDCODE_OFFICER);
        v1::CreateUserResponse created;
        if (!load.Call(admin_token, v1::rpc::AdminService::CreateUser, req, &created)) return 1;
        std::string token = load.Login(u.username, created.one_time_password().c_str());
        v1::ChangePasswordRequest change;
        change.set_current_password(created.one_time_password());
        change.set_new_password(u.password);
        if (token.empty() || !load.Call(token, v1::rpc::AuthService::ChangePassword, change)) {
            return 1;
        }
        tokens.push_back(token);
        ids.push_back(created.user().id());
    }
    // 1b. The psychiatrist needs a second factor. Enrolled here like an app would, confirmed
    //     with the code of the previous 30-second step so that the current one is still free for
    //     a login straight after; the secret is printed below with the published passwords.
    std::string pieter_secret;
    {
        v1::BeginTotpEnrollmentResponse begun;
        if (!load.Call(tokens[2], v1::rpc::AuthService::BeginTotpEnrollment, v1::BeginTotpEnrollmentRequest(),
                       &begun)) {
            return 1;
        }
        pieter_secret = begun.secret();
        auto raw = Base32Decode(pieter_secret);
        v1::ConfirmTotpEnrollmentRequest confirm;
        confirm.set_code(TotpCode(raw.value_or(""), TotpStep(SystemClock().Now()) - 1));
        if (!load.Call(tokens[2], v1::rpc::AuthService::ConfirmTotpEnrollment, confirm)) {
            return 1;
        }
    }
    const std::string& worker = tokens[0];
    const std::string& coordinator = tokens[3];

    // 2. Tonight's shift: Anna and Bram, Pieter on backup.
    v1::SetShiftRequest shift;
    shift.add_worker_ids(ids[0]);
    shift.add_worker_ids(ids[1]);
    shift.set_psychiatrist_id(ids[2]);
    shift.set_psychiatrist_phone("06-19999999");
    if (!load.Call(coordinator, v1::rpc::ShiftService::SetShift, shift)) return 1;

    // 3. Youths. Daan (the walkthrough's son) first: pre-registered, his plan has a calming
    //    exercise and the grandparents' number; his father calls from 06-23456789.
    std::vector<std::int64_t> youths;
    const int count = 36;
    for (int i = 0; i < count; ++i) {
        v1::CreateYouthRequest req;
        auto* y = req.mutable_youth();
        y->set_given_name(kGivenNames[i % 32]);
        y->set_family_name(std::string(kFamilyNames[(i * 7) % 12]) + " (fictief)");
        *y->mutable_date_of_birth() = MakeDate(2008 + (i % 9), 1 + (i * 5) % 12, 1 + (i * 11) % 28);
        y->set_municipality(kMunicipalities[i % 8]);
        auto* p = y->add_phones();
        p->set_number(Phone(i));
        p->set_label("mobiel");
        auto* parent = y->add_contacts();
        parent->set_kind(v1::CONTACT_KIND_GUARDIAN);
        parent->set_relation(i % 2 == 0 ? "vader" : "moeder");
        parent->set_name(std::string(i % 2 == 0 ? "Vader " : "Moeder ") + y->family_name());
        parent->set_phone(i == 0 ? "06-23456789" : Phone(500 + i));
        if (i == 0) {
            *y->mutable_date_of_birth() = MakeDate(2012, 3, 14);
            y->set_municipality("Groningen");
            auto* grand = y->add_contacts();
            grand->set_kind(v1::CONTACT_KIND_NETWORK);
            grand->set_name("Opa en oma Visser (fictief)");
            grand->set_relation("grootouders");
            grand->set_phone("050-3123456");
        }
        req.set_idempotency_key("demo-youth-" + std::to_string(i));
        v1::CreateYouthResponse resp;
        if (!load.Call(worker, v1::rpc::YouthService::CreateYouth, req, &resp)) return 1;
        youths.push_back(resp.youth().id());
    }

    // 4. Every fourth youth is pre-registered with consent and a plan.
    for (int i = 0; i < count; i += 4) {
        v1::RecordConsentRequest consent;
        consent.set_youth_id(youths[i]);
        consent.set_scope(v1::CONSENT_SCOPE_PRE_REGISTRATION);
        consent.set_given_by_youth(true);
        consent.set_given_by_guardian(i % 2 == 0 ? "Vader (fictief)" : "Moeder (fictief)");
        consent.set_idempotency_key("demo-consent-" + std::to_string(i));
        if (!load.Call(coordinator, v1::rpc::YouthService::RecordConsent, consent)) return 1;
        // With the pre-registration the family also agreed to share with the care chain.
        for (auto scope : {v1::CONSENT_SCOPE_DOSSIER_ACCESS, v1::CONSENT_SCOPE_INFORM_LOCAL_TEAM}) {
            consent.set_scope(scope);
            consent.set_idempotency_key("demo-consent-" + std::to_string(i) + "-" + std::to_string(scope));
            if (!load.Call(coordinator, v1::rpc::YouthService::RecordConsent, consent)) {
                return 1;
            }
        }

        v1::CreatePreRegistrationRequest pre;
        pre.set_youth_id(youths[i]);
        auto* f = pre.mutable_fields();
        f->set_organisation(i % 8 == 0 ? "Accare" : "Elker");
        f->set_professional("J. de Groot (fictief)");
        f->set_professional_phone("050-3000000");
        f->set_ongoing_care(i % 8 == 0 ? "Accare, ambulant team Groningen" : "Elker, gezinsbehandeling");
        f->set_ongoing_care_contact("M. Veenstra (fictief), 050-3000001");
        f->set_legal_measure(i == 8 ? v1::LEGAL_MEASURE_SUPERVISION_ORDER : v1::LEGAL_MEASURE_NONE);
        pre.set_idempotency_key("demo-prereg-" + std::to_string(i));
        if (!load.Call(coordinator, v1::rpc::YouthService::CreatePreRegistration, pre)) {
            return 1;
        }

        v1::AddPlanVersionRequest plan;
        plan.set_youth_id(youths[i]);
        plan.set_change_note("Eerste plan na vooraanmelding");
        plan.set_idempotency_key("demo-plan-" + std::to_string(i));
        auto* c = plan.mutable_content();
        c->mutable_green()->set_signs("Gaat naar school, sport op woensdag, praat aan tafel.");
        c->mutable_orange()->set_signs("Trekt zich terug op zijn kamer, slaapt slecht, reageert kortaf.");
        c->mutable_orange()->set_what_i_do("Muziek luisteren met koptelefoon, een rondje fietsen.");
        c->mutable_orange()->set_what_others_do("Niet doorvragen; thee zetten en later terugkomen.");
        c->mutable_red()->set_signs("Sluit zichzelf op in de kamer, gooit met spullen, zegt dat het niet meer hoeft.");
        c->mutable_red()->set_what_i_do("Ademhalingsoefening 4-7-8: vier tellen in, zeven vast, acht uit; vijf keer.");
        c->mutable_red()->set_what_others_do("Rustig blijven, door de deur praten, opa en oma bellen.");
        c->add_warning_signs("Zegt dat niemand hem begrijpt");
        c->add_own_coping("Ademhalingsoefening 4-7-8");
        c->add_own_coping("Tekenen");
        c->add_distracting_places("Bij opa en oma in Haren");
        auto* help = c->add_people_who_can_help();
        help->set_name("Opa en oma Visser (fictief)");
        help->set_relation("grootouders");
        help->set_phone("050-3123456");
        auto* prof = c->add_professionals();
        prof->set_name("Spoed voor Jeugd");
        prof->set_relation("crisisdienst");
        prof->set_phone("050-3999999");
        c->add_making_environment_safe("Medicijnen in de afgesloten kast");
        c->add_crisis_workers_do("Vader coachen om door de deur de ademhalingsoefening voor te doen");
        c->add_crisis_workers_avoid("Niet dreigen met politie; dat escaleert");
        c->add_agreements("Bij rood: eerst opa en oma bellen, zij kunnen binnen 20 minuten komen");
        if (!load.Call(coordinator, v1::rpc::PlanService::AddPlanVersion, plan)) return 1;
    }

    // 5. Cases: earlier ones (closed) and tonight's (open), one with a consult still waiting.
    for (int i = 0; i < 10; ++i) {
        v1::OpenCaseRequest open;
        open.set_youth_id(youths[(i * 3) % count]);
        open.set_idempotency_key("demo-case-" + std::to_string(i));
        v1::OpenCaseResponse opened;
        if (!load.Call(worker, v1::rpc::CaseService::OpenCase, open, &opened)) return 1;

        v1::LogContactRequest contact;
        contact.set_case_id(opened.case_().id());
        contact.set_type(v1::CONTACT_TYPE_INCOMING_CALL);
        *contact.mutable_started_at() = google::protobuf::Timestamp();
        contact.mutable_started_at()->set_seconds(std::time(nullptr) - 3600 * (i + 1));
        contact.set_caller_role(i % 3 == 0 ? v1::CALLER_ROLE_YOUTH : v1::CALLER_ROLE_PARENT);
        contact.set_caller_phone(i % 3 == 0 ? Phone((i * 3) % count) : Phone(500 + (i * 3) % count));
        contact.set_summary("Ouder belt over oplopende spanning thuis; samen afspraken gemaakt voor vannacht.");
        contact.add_responses(v1::RESPONSE_DE_ESCALATING_CONVERSATION);
        contact.add_responses(v1::RESPONSE_AGREEMENTS);
        contact.set_idempotency_key("demo-contact-" + std::to_string(i));
        if (!load.Call(worker, v1::rpc::CaseService::LogContact, contact)) return 1;

        if (i == 4) {
            v1::RequestConsultRequest consult;
            consult.set_case_id(opened.case_().id());
            consult.set_question("Moeder vraagt of de medicatie vannacht kan worden overgeslagen. Advies?");
            consult.set_urgency(v1::URGENCY_URGENT);
            consult.set_idempotency_key("demo-consult-" + std::to_string(i));
            if (!load.Call(worker, v1::rpc::ConsultService::RequestConsult, consult)) {
                return 1;
            }
        }
        if (i < 6) {
            v1::CloseCaseRequest close;
            close.set_case_id(opened.case_().id());
            close.set_outcome(i == 2 ? v1::OUTCOME_OWN_NETWORK : v1::OUTCOME_STAYED_HOME);
            close.set_closing_note("Rustig afgesloten; warme overdracht morgen.");
            if (i != 4 && !load.Call(worker, v1::rpc::CaseService::CloseCase, close)) return 1;
        }
    }
    ctx.client().SetToken(admin_token);
    std::printf("demo data loaded: %d fictional youths, %d pre-registered with a plan, 10 cases, 1 consult waiting\n",
                count, (count + 3) / 4);
    std::puts("demo accounts (fictional, for trying out only):");
    for (const auto& u : kDemoUsers) {
        std::printf("  %-12s %-14s password %s", u.username, std::string(v1::Role_Name(u.role)).substr(5).c_str(),
                    u.password);
        if (u.role == v1::ROLE_PSYCHIATRIST) std::printf("  totp secret %s", pieter_secret.c_str());
        if (u.meldcode_officer) std::printf("  and aandachtsfunctionaris (meldcode_officer)");
        std::printf("\n");
    }
    std::puts("(codes for a totp secret: an authenticator app, or spoedctl totp code SECRET)");
    return 0;
}

}  // namespace

std::vector<Command> DemoCommands() {
    return {{"demo load", "demo load", "load the fictional demo data set (as admin, on an empty server)", DemoLoad}};
}

}  // namespace spoed::cli
