// The Meldcode track, the call's own start (opened_at) and evaluation participants without an
// organisation, through the API layer: real SQLite, the real router and services, a fake clock.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "daemon/service/meldcode_service.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/evaluation.pb.h"
#include "spoed/v1/handover.pb.h"
#include "spoed/v1/meldcode.pb.h"
#include "spoed/v1/stats.pb.h"
#include "tests/support/crisis_fixture.hpp"

namespace spoed {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using test::CrisisFixture;
using test::ErrorCodeOf;

std::string Q(std::int64_t id) { return "\"" + std::to_string(id) + "\""; }

/// The error detail's reason as its key ("ERROR_REASON_REPORT_REQUIRED" → "report_required").
std::string ReasonOf(const daemon::net::HttpResponse& r) {
    const std::string prefix = "\"reason\":\"ERROR_REASON_";
    auto at = r.body.find(prefix);
    if (at == std::string::npos) return {};
    at += prefix.size();
    std::string key = r.body.substr(at, r.body.find('"', at) - at);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

// --- the afwegingskader, question by question -------------------------------------------------

struct Path {
    std::vector<std::string> answers;  // questions 1–5; "" not answered
    bool report_required;
    int unanswered;
};

TEST(MeldcodeRules, EveryPathOfTheFiveQuestions) {
    const Path paths[] = {
        {{"", "", "", "", ""}, false, 1},             // nothing answered yet
        {{"no", "", "", "", ""}, false, 0},           // no suspicion: nothing to report
        {{"no", "yes", "no", "no", "no"}, false, 0},  // … whatever follows
        {{"yes", "", "", "", ""}, false, 2},
        {{"yes", "yes", "", "", ""}, true, 0},  // acute or structural unsafety: report
        {{"yes", "yes", "yes", "yes", "yes"}, true, 0},
        {{"yes", "no", "", "", ""}, false, 3},
        {{"yes", "no", "no", "", ""}, true, 0},  // no effective help possible: report
        {{"yes", "no", "yes", "", ""}, false, 4},
        {{"yes", "no", "yes", "no", ""}, true, 0},    // help not accepted: report
        {{"yes", "no", "yes", "yes", ""}, false, 0},  // help accepted, followed from here
        {{"yes", "no", "yes", "yes", "yes"}, false, 0},
        {{"yes", "no", "yes", "yes", "no"}, true, 0},  // no lasting safety: report
    };
    for (const auto& p : paths) {
        std::array<db::MeldcodeAnswerRecord, 5> a;
        for (int i = 0; i < 5; ++i) a[i].answer = p.answers[i];
        const auto reading = daemon::service::ReadAnswers(a);
        std::string name =
            p.answers[0] + "," + p.answers[1] + "," + p.answers[2] + "," + p.answers[3] + "," + p.answers[4];
        EXPECT_EQ(reading.report_required, p.report_required) << name;
        EXPECT_EQ(reading.unanswered, p.unanswered) << name;
    }
}

// --- the track through the API ----------------------------------------------------------------

struct Track {
    std::int64_t youth = 0, case_id = 0, id = 0;
};

Track StartTrack(CrisisFixture& f) {
    Track t;
    t.youth = f.CreateYouth("Noor", "Bakker", "2011-06-02");
    t.case_id =
        f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"js({"youthId":)js" + Q(t.youth) + "}", f.worker)
            .case_()
            .id();
    auto started = f.Rpc<v1::StartTrackResponse>(
        v1::rpc::MeldcodeService::StartTrack,
        R"js({"caseId":)js" + Q(t.case_id) +
            R"js(,"observedSignals":"Mother says father hit her in front of Noor (fictional)"})js",
        f.worker);
    t.id = started.track().id();
    EXPECT_EQ(started.track().state(), v1::MELDCODE_STATE_OPEN);
    EXPECT_EQ(started.track().youth_id(), t.youth);
    EXPECT_EQ(started.track().started_by(), f.worker_id);
    EXPECT_FALSE(started.track().started_by_name().empty());
    return t;
}

void Consult(CrisisFixture& f, const Track& t) {
    f.Rpc<v1::AddConsultationResponse>(
        v1::rpc::MeldcodeService::AddConsultation,
        R"js({"trackId":)js" + Q(t.id) +
            R"js(,"kind":"CONSULTATION_KIND_VEILIG_THUIS","anonymous":true,"withWhom":"Veilig Thuis Groningen, advice line","advice":"Talk with the mother tonight; report if father returns"})js",
        f.worker);
}

void Converse(CrisisFixture& f, const Track& t) {
    f.Rpc<v1::UpdateTrackResponse>(
        v1::rpc::MeldcodeService::UpdateTrack,
        R"js({"trackId":)js" + Q(t.id) +
            R"js(,"conversation":"CONVERSATION_HELD","conversationWith":"Noor and her mother","conversationNote":"Both want help"})js",
        f.worker);
}

/// Answers questions 1–5 (an empty answer is left out).
daemon::net::HttpResponse Answer(CrisisFixture& f, const Track& t, const std::vector<std::string>& answers) {
    const char* fields[] = {"suspicion", "unsafety", "helpPossible", "helpAccepted", "lastingSafety"};
    std::string body = R"js({"trackId":)js" + Q(t.id);
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i].empty()) continue;
        std::string upper = answers[i] == "yes" ? "YES" : "NO";
        body += std::string(",\"") + fields[i] + R"js(":{"answer":"MELDCODE_ANSWER_)js" + upper +
                R"js(","reason":"because )js" + fields[i] + "\"}";
    }
    return f.Post(v1::rpc::MeldcodeService::UpdateTrack, body + "}", f.worker);
}

daemon::net::HttpResponse Decide(CrisisFixture& f, const Track& t, const std::string& decision,
                                 const std::string& extra = "") {
    return f.Post(v1::rpc::MeldcodeService::DecideTrack,
                  R"js({"trackId":)js" + Q(t.id) + R"js(,"decision":"MELDCODE_DECISION_)js" + decision +
                      R"js(","note":"decided with the aandachtsfunctionaris")js" + extra + "}",
                  f.worker);
}

daemon::net::HttpResponse CloseCase(CrisisFixture& f, const Track& t) {
    return f.Post(v1::rpc::CaseService::CloseCase,
                  R"js({"caseId":)js" + Q(t.case_id) + R"js(,"outcome":"OUTCOME_OWN_NETWORK"})js", f.worker);
}

TEST(MeldcodeApi, UnsafetyRequiresAReportAndNothingElseIsAccepted) {
    CrisisFixture f;
    Track t = StartTrack(f);
    Consult(f, t);
    Converse(f, t);
    ASSERT_EQ(Answer(f, t, {"yes", "yes"}).status, 200);
    auto got = f.Rpc<v1::GetTrackResponse>(v1::rpc::MeldcodeService::GetTrack, R"js({"caseId":)js" + Q(t.case_id) + "}",
                                           f.worker);
    EXPECT_TRUE(got.track().report_required());
    for (const char* other : {"HELP", "CLOSED"}) {
        auto refused = Decide(f, t, other);
        EXPECT_EQ(ErrorCodeOf(refused), "failed_precondition") << other << refused.body;
        EXPECT_EQ(ReasonOf(refused), "report_required") << refused.body;
    }
    auto no_reference = Decide(f, t, "REPORT");
    EXPECT_EQ(ErrorCodeOf(no_reference), "invalid_argument") << no_reference.body;
    auto decided = f.Rpc<v1::DecideTrackResponse>(
        v1::rpc::MeldcodeService::DecideTrack,
        R"js({"trackId":)js" + Q(t.id) +
            R"js(,"decision":"MELDCODE_DECISION_REPORT","note":"unsafe at home","veiligThuisReference":"VT-2026-0042"})js",
        f.worker);
    EXPECT_EQ(decided.track().state(), v1::MELDCODE_STATE_DECIDED);
    EXPECT_EQ(decided.track().decision(), v1::MELDCODE_DECISION_REPORT);
    EXPECT_EQ(decided.track().veilig_thuis_reference(), "VT-2026-0042");
    EXPECT_EQ(decided.track().decided_by(), f.worker_id);
    EXPECT_FALSE(decided.track().decided_by_name().empty());
    // A decided track is the record as it stood.
    auto late = Answer(f, t, {"no"});
    EXPECT_EQ(ErrorCodeOf(late), "failed_precondition") << late.body;
    EXPECT_EQ(ReasonOf(late), "already_done");
    // The case shows it on its timeline and closes now.
    auto c =
        f.Rpc<v1::GetCaseResponse>(v1::rpc::CaseService::GetCase, R"js({"caseId":)js" + Q(t.case_id) + "}", f.worker);
    EXPECT_EQ(c.meldcode().id(), t.id);
    std::vector<std::string> kinds;
    for (const auto& e : c.timeline()) kinds.push_back(e.kind());
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "meldcode_started"), kinds.end());
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), "meldcode_decided"), kinds.end());
    EXPECT_EQ(CloseCase(f, t).status, 200);
}

TEST(MeldcodeApi, NoHelpPossibleOrNotAcceptedRequiresAReport) {
    for (const auto& answers : std::vector<std::vector<std::string>>{
             {"yes", "no", "no"}, {"yes", "no", "yes", "no"}, {"yes", "no", "yes", "yes", "no"}}) {
        CrisisFixture f;
        Track t = StartTrack(f);
        Consult(f, t);
        Converse(f, t);
        ASSERT_EQ(Answer(f, t, answers).status, 200);
        EXPECT_EQ(ReasonOf(Decide(f, t, "HELP")), "report_required") << answers.size();
        EXPECT_EQ(Decide(f, t, "REPORT", R"js(,"veiligThuisReference":"VT-1")js").status, 200);
    }
}

TEST(MeldcodeApi, HelpAcceptedIsOrganisedAndFollowed) {
    CrisisFixture f;
    Track t = StartTrack(f);
    Consult(f, t);
    Converse(f, t);
    ASSERT_EQ(Answer(f, t, {"yes", "no", "yes", "yes"}).status, 200);
    auto reference = Decide(f, t, "HELP", R"js(,"veiligThuisReference":"VT-1")js");
    EXPECT_EQ(ErrorCodeOf(reference), "invalid_argument") << "a reference belongs to a report only";
    auto help = f.Rpc<v1::DecideTrackResponse>(
        v1::rpc::MeldcodeService::DecideTrack,
        R"js({"trackId":)js" + Q(t.id) +
            R"js(,"decision":"MELDCODE_DECISION_HELP","note":"family coach via the local team"})js",
        f.worker);
    EXPECT_EQ(help.track().decision(), v1::MELDCODE_DECISION_HELP);
    EXPECT_FALSE(help.track().report_required());
}

TEST(MeldcodeApi, NoSuspicionCloses) {
    CrisisFixture f;
    Track t = StartTrack(f);
    Consult(f, t);
    Converse(f, t);
    ASSERT_EQ(Answer(f, t, {"no"}).status, 200);
    auto closed = Decide(f, t, "CLOSED");
    EXPECT_EQ(closed.status, 200) << closed.body;
}

TEST(MeldcodeApi, TheStepsComeBeforeTheDecision) {
    CrisisFixture f;
    Track t = StartTrack(f);
    auto step2 = Decide(f, t, "CLOSED");
    EXPECT_EQ(ReasonOf(step2), "meldcode_incomplete");
    EXPECT_NE(step2.body.find("\"step\""), std::string::npos) << step2.body;
    Consult(f, t);
    auto step3 = Decide(f, t, "CLOSED");
    EXPECT_EQ(ReasonOf(step3), "meldcode_incomplete");
    EXPECT_NE(step3.body.find("conversation"), std::string::npos) << step3.body;
    // Not held, for safety: the reason is required.
    auto no_reason =
        f.Post(v1::rpc::MeldcodeService::UpdateTrack,
               R"js({"trackId":)js" + Q(t.id) + R"js(,"conversation":"CONVERSATION_NOT_HELD"})js", f.worker);
    EXPECT_EQ(ErrorCodeOf(no_reason), "invalid_argument") << no_reason.body;
    ASSERT_EQ(
        f.Post(
             v1::rpc::MeldcodeService::UpdateTrack,
             R"js({"trackId":)js" + Q(t.id) +
                 R"js(,"conversation":"CONVERSATION_NOT_HELD","conversationNote":"father is at home; not safe to talk"})js",
             f.worker)
            .status,
        200);
    auto question1 = Decide(f, t, "CLOSED");
    EXPECT_EQ(ReasonOf(question1), "meldcode_incomplete");
    EXPECT_NE(question1.body.find("suspicion"), std::string::npos) << question1.body;
    ASSERT_EQ(Answer(f, t, {"yes", "no"}).status, 200);
    auto question3 = Decide(f, t, "CLOSED");
    EXPECT_NE(question3.body.find("help_possible"), std::string::npos) << question3.body;
    // An answer needs its reason.
    auto bare =
        f.Post(v1::rpc::MeldcodeService::UpdateTrack,
               R"js({"trackId":)js" + Q(t.id) + R"js(,"helpPossible":{"answer":"MELDCODE_ANSWER_YES"}})js", f.worker);
    EXPECT_EQ(ErrorCodeOf(bare), "invalid_argument");
    EXPECT_NE(bare.body.find("help_possible.reason"), std::string::npos) << bare.body;
}

TEST(MeldcodeApi, ACaseDoesNotCloseWhileItsTrackIsUndecidedUnlessHandedOver) {
    CrisisFixture f;
    Track t = StartTrack(f);
    auto refused = CloseCase(f, t);
    EXPECT_EQ(ErrorCodeOf(refused), "failed_precondition") << refused.body;
    EXPECT_EQ(ReasonOf(refused), "meldcode_undecided");

    // Handed over to Veilig Thuis with a warm handover (legal ground: the Meldcode itself).
    auto h = f.Rpc<v1::CreateHandoverResponse>(
        v1::rpc::HandoverService::CreateHandover,
        R"js({"caseId":)js" + Q(t.case_id) +
            R"js(,"kind":"HANDOVER_KIND_VEILIG_THUIS","recipient":{"name":"Veilig Thuis Groningen (fictief)"},"legalGround":"Meldcode stap 5"})js",
        f.worker);
    Track other = StartTrack(f);
    auto wrong_case =
        f.Post(v1::rpc::MeldcodeService::TransferTrack,
               R"js({"trackId":)js" + Q(other.id) + R"js(,"handoverId":)js" + Q(h.handover().id()) + "}", f.worker);
    EXPECT_EQ(ErrorCodeOf(wrong_case), "invalid_argument") << wrong_case.body;
    auto moved = f.Rpc<v1::TransferTrackResponse>(
        v1::rpc::MeldcodeService::TransferTrack,
        R"js({"trackId":)js" + Q(t.id) + R"js(,"handoverId":)js" + Q(h.handover().id()) + "}", f.worker);
    EXPECT_EQ(moved.track().state(), v1::MELDCODE_STATE_TRANSFERRED);
    EXPECT_EQ(moved.track().transferred_to(), "Veilig Thuis Groningen (fictief)");
    for (const char* s : {"RECEIVER_CONTACTED", "FAMILY_CONTACTED"}) {
        f.Post(v1::rpc::HandoverService::RecordStep,
               R"js({"handoverId":)js" + Q(h.handover().id()) + R"js(,"step":"HANDOVER_STEP_)js" + s + "\"}", f.worker);
    }
    f.Post(v1::rpc::HandoverService::RecordStep,
           R"js({"handoverId":)js" + Q(h.handover().id()) +
               R"js(,"step":"HANDOVER_STEP_AGREEMENTS_RECORDED","agreements":"VT visits tomorrow"})js",
           f.worker);
    f.Post(v1::rpc::HandoverService::RecordStep,
           R"js({"handoverId":)js" + Q(h.handover().id()) + R"js(,"step":"HANDOVER_STEP_CONFIRMED"})js", f.worker);
    auto closed = CloseCase(f, t);
    EXPECT_EQ(closed.status, 200) << closed.body;
}

TEST(MeldcodeApi, OneTrackPerCaseAndItsReadsAndWritesAreAuditedWithTheYouth) {
    CrisisFixture f;
    Track t = StartTrack(f);
    auto audit = f.Audit(1);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].method, "StartTrack");
    EXPECT_EQ(audit[0].youth_id, t.youth);
    auto second = f.Post(v1::rpc::MeldcodeService::StartTrack,
                         R"js({"caseId":)js" + Q(t.case_id) + R"js(,"observedSignals":"again"})js", f.worker);
    EXPECT_EQ(ErrorCodeOf(second), "already_exists") << second.body;
    f.Rpc<v1::GetTrackResponse>(v1::rpc::MeldcodeService::GetTrack, R"js({"trackId":)js" + Q(t.id) + "}",
                                f.psychiatrist);
    audit = f.Audit(1);
    EXPECT_EQ(audit[0].method, "GetTrack");
    EXPECT_EQ(audit[0].youth_id, t.youth);
    // The psychiatrist reads but does not write; the refusal still names the youth.
    auto refused = f.Post(v1::rpc::MeldcodeService::DecideTrack,
                          R"js({"trackId":)js" + Q(t.id) + R"js(,"decision":"MELDCODE_DECISION_CLOSED","note":"x"})js",
                          f.psychiatrist);
    EXPECT_EQ(refused.status, 403);
    audit = f.Audit(1);
    EXPECT_EQ(audit[0].youth_id, t.youth);
}

TEST(MeldcodeApi, TheAandachtsfunctionarisIsACoordinatorWhoSeesTheOpenTracksAndIsConsulted) {
    CrisisFixture f;
    Track t = StartTrack(f);
    // Only a coordinator can be marked as aandachtsfunctionaris.
    auto alone =
        f.Post(v1::rpc::AdminService::SetRoles,
               R"js({"userId":)js" + Q(f.worker_id) + R"js(,"roles":["ROLE_MELDCODE_OFFICER"]})js", f.admin_token);
    EXPECT_EQ(ErrorCodeOf(alone), "invalid_argument") << alone.body;
    auto not_officer =
        f.Post(v1::rpc::MeldcodeService::AddConsultation,
               R"js({"trackId":)js" + Q(t.id) + R"js(,"kind":"CONSULTATION_KIND_MELDCODE_OFFICER","userId":)js" +
                   Q(f.coordinator_id) + R"js(,"advice":"report"})js",
               f.worker);
    EXPECT_EQ(ErrorCodeOf(not_officer), "invalid_argument") << not_officer.body;
    ASSERT_EQ(f.Post(v1::rpc::AdminService::SetRoles,
                     R"js({"userId":)js" + Q(f.coordinator_id) +
                         R"js(,"roles":["ROLE_COORDINATOR","ROLE_MELDCODE_OFFICER"]})js",
                     f.admin_token)
                  .status,
              200);
    f.coordinator = f.Login("carla");  // SetRoles ended her sessions
    auto got =
        f.Rpc<v1::GetTrackResponse>(v1::rpc::MeldcodeService::GetTrack, R"js({"trackId":)js" + Q(t.id) + "}", f.worker);
    ASSERT_EQ(got.officers_size(), 1);
    EXPECT_EQ(got.officers(0).user_id(), f.coordinator_id);
    auto consulted = f.Rpc<v1::AddConsultationResponse>(
        v1::rpc::MeldcodeService::AddConsultation,
        R"js({"trackId":)js" + Q(t.id) + R"js(,"kind":"CONSULTATION_KIND_MELDCODE_OFFICER","userId":)js" +
            Q(f.coordinator_id) + R"js(,"advice":"Talk with the mother first"})js",
        f.worker);
    ASSERT_EQ(consulted.track().consultations_size(), 1);
    EXPECT_EQ(consulted.track().consultations(0).with_whom(), got.officers(0).display_name());

    Track decided = StartTrack(f);
    Consult(f, decided);
    Converse(f, decided);
    Answer(f, decided, {"no"});
    ASSERT_EQ(Decide(f, decided, "CLOSED").status, 200);
    auto open =
        f.Rpc<v1::ListTracksResponse>(v1::rpc::MeldcodeService::ListTracks, R"js({"openOnly":true})js", f.coordinator);
    ASSERT_EQ(open.tracks_size(), 1);
    EXPECT_EQ(open.tracks(0).id(), t.id);
    auto all = f.Rpc<v1::ListTracksResponse>(v1::rpc::MeldcodeService::ListTracks, "{}", f.coordinator);
    ASSERT_EQ(all.tracks_size(), 2);
    EXPECT_EQ(all.tracks(0).id(), t.id) << "undecided first";
}

TEST(MeldcodeApi, TheFiguresCountTracksAndReportsPerPeriod) {
    CrisisFixture f;
    Track reported = StartTrack(f);
    Consult(f, reported);
    Converse(f, reported);
    Answer(f, reported, {"yes", "yes"});
    ASSERT_EQ(Decide(f, reported, "REPORT", R"js(,"veiligThuisReference":"VT-7")js").status, 200);
    Track open = StartTrack(f);
    auto figures = f.Rpc<v1::GetFiguresResponse>(
        v1::rpc::StatsService::GetFigures,
        R"js({"from":{"year":2026,"month":11,"day":1},"to":{"year":2026,"month":11,"day":30}})js", f.coordinator);
    EXPECT_EQ(figures.total().meldcode_tracks(), 2);
    EXPECT_EQ(figures.total().veilig_thuis_reports(), 1);
    std::map<std::string, std::int64_t> by;
    for (const auto& t : figures.total().meldcode_decisions()) by[t.key()] = t.count();
    EXPECT_EQ(by["report"], 1);
    EXPECT_EQ(by["undecided"], 1);
    EXPECT_EQ(by["help"], 0);
    // October's figures know nothing of November's tracks.
    auto october = f.Rpc<v1::GetFiguresResponse>(
        v1::rpc::StatsService::GetFigures,
        R"js({"from":{"year":2026,"month":10,"day":1},"to":{"year":2026,"month":10,"day":31}})js", f.coordinator);
    EXPECT_EQ(october.total().meldcode_tracks(), 0);
}

// --- the call's own start ------------------------------------------------------------------------

TEST(OpenedAt, ACaseOpensAtTheCallsStartNeverInTheFutureAndAtMostThirtyDaysBack) {
    CrisisFixture f;
    // The test clock stands at Monday 23 November 2026, 21:00 in Groningen.
    auto future = f.Post(v1::rpc::CaseService::OpenCase,
                         R"js({"callerDescription":"mother","openedAt":"2026-11-23T20:05:00Z"})js", f.worker);
    EXPECT_EQ(ErrorCodeOf(future), "invalid_argument") << future.body;
    auto old = f.Post(v1::rpc::CaseService::OpenCase,
                      R"js({"callerDescription":"mother","openedAt":"2026-10-20T20:00:00Z"})js", f.worker);
    EXPECT_EQ(ErrorCodeOf(old), "invalid_argument") << old.body;
    auto c = f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase,
                                         R"js({"callerDescription":"mother","openedAt":"2026-11-23T19:40:00Z"})js",
                                         f.worker);
    EXPECT_EQ(c.case_().opened_at().seconds(), 1795462800);  // 19:40Z
    auto got = f.Rpc<v1::GetCaseResponse>(v1::rpc::CaseService::GetCase, R"js({"caseId":)js" + Q(c.case_().id()) + "}",
                                          f.worker);
    ASSERT_GT(got.timeline_size(), 0);
    EXPECT_EQ(got.timeline(0).kind(), "opened");
    EXPECT_EQ(got.timeline(0).at().seconds(), c.case_().opened_at().seconds());
}

TEST(OpenedAt, TheCallsShiftAndPeriodCountInTheFigures) {
    CrisisFixture f;
    // Typed on Monday evening: a call of Saturday 31 October 23:30 (a weekend shift, October) …
    f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase,
                                R"js({"callerDescription":"father","openedAt":"2026-10-31T22:30:00Z"})js", f.worker);
    // … and one of Sunday 22 November 02:00, which belongs to Saturday evening's shift.
    f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase,
                                R"js({"callerDescription":"neighbour","openedAt":"2026-11-22T01:00:00Z"})js", f.worker);
    auto october = f.Rpc<v1::GetFiguresResponse>(
        v1::rpc::StatsService::GetFigures,
        R"js({"from":{"year":2026,"month":10,"day":1},"to":{"year":2026,"month":10,"day":31}})js", f.coordinator);
    EXPECT_EQ(october.total().cases(), 1);
    EXPECT_EQ(october.total().weekend().count(), 1);
    auto november = f.Rpc<v1::GetFiguresResponse>(
        v1::rpc::StatsService::GetFigures,
        R"js({"from":{"year":2026,"month":11,"day":1},"to":{"year":2026,"month":11,"day":30}})js", f.coordinator);
    EXPECT_EQ(november.total().cases(), 1);
    EXPECT_EQ(november.total().weekend().count(), 1);
}

TEST(OpenedAt, TheHandoverFallsDueAfterTheCallsShiftWhileThatIsStillAhead) {
    CrisisFixture f;
    f.Advance(hours(11) + minutes(30));  // Tuesday 24 November, 08:30 local: the Tuesday shift
    std::int64_t youth = f.CreateYouth("Sem", "Kok", "2010-01-20");
    f.Consent(youth, "CONSENT_SCOPE_INFORM_LOCAL_TEAM");
    auto due_of = [&](const std::string& opened_at) {
        auto c = f.Rpc<v1::OpenCaseResponse>(
            v1::rpc::CaseService::OpenCase,
            R"js({"youthId":)js" + Q(youth) + R"js(,"openedAt":")js" + opened_at + "\"}", f.worker);
        auto h = f.Rpc<v1::CreateHandoverResponse>(
            v1::rpc::HandoverService::CreateHandover,
            R"js({"caseId":)js" + Q(c.case_().id()) +
                R"js(,"kind":"HANDOVER_KIND_LOCAL_TEAM","recipient":{"name":"Lokaal team (fictief)"}})js",
            f.worker);
        return h.handover().due_at().seconds();
    };
    // Monday 23:00 local, Monday's shift: due Tuesday 12:00 local (11:00Z), still ahead.
    EXPECT_EQ(due_of("2026-11-23T22:00:00Z"), 1795518000);
    // Sunday evening's call would have been due Monday noon, long past: due from today's shift,
    // Wednesday 12:00 local.
    EXPECT_EQ(due_of("2026-11-22T20:00:00Z"), 1795604400);
}

// --- evaluation participants ---------------------------------------------------------------------

TEST(Participants, TheYouthAndFamilyTakePartWithoutAnOrganisation) {
    CrisisFixture f;
    auto c =
        f.Rpc<v1::OpenCaseResponse>(v1::rpc::CaseService::OpenCase, R"js({"callerDescription":"mother"})js", f.worker);
    auto planned = f.Rpc<v1::PlanEvaluationResponse>(v1::rpc::EvaluationService::PlanEvaluation,
                                                     R"js({"caseId":)js" + Q(c.case_().id()) + "}", f.coordinator);
    const std::string id = Q(planned.evaluation().id());
    auto professional =
        f.Post(v1::rpc::EvaluationService::UpdateEvaluation,
               R"js({"evaluationId":)js" + id + R"js(,"setParticipants":true,"participants":[{"name":"J. Bakker"}]})js",
               f.coordinator);
    EXPECT_EQ(ErrorCodeOf(professional), "invalid_argument") << "a professional needs an organisation";
    auto updated = f.Rpc<v1::UpdateEvaluationResponse>(
        v1::rpc::EvaluationService::UpdateEvaluation,
        R"js({"evaluationId":)js" + id +
            R"js(,"setParticipants":true,"participants":[{"name":"Noor (fictief)","kind":"PARTICIPANT_KIND_YOUTH"},{"name":"Moeder van Noor","role":"mother","kind":"PARTICIPANT_KIND_FAMILY"},{"organisation":"Accare","name":"J. Bakker"}]})js",
        f.coordinator);
    ASSERT_EQ(updated.evaluation().participants_size(), 3);
    EXPECT_EQ(updated.evaluation().participants(0).kind(), v1::PARTICIPANT_KIND_YOUTH);
    EXPECT_EQ(updated.evaluation().participants(1).kind(), v1::PARTICIPANT_KIND_FAMILY);
    EXPECT_EQ(updated.evaluation().participants(2).kind(), v1::PARTICIPANT_KIND_PROFESSIONAL);
    EXPECT_TRUE(updated.evaluation().participants(0).organisation().empty());
}

}  // namespace
}  // namespace spoed
