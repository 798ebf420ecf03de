// The desk's parts on their own: plan formatting and diff, language choice and translation,
// the log-in screen against a server whose certificate does not verify, and a contact draft
// that waits for a server that went away and is sent once when it is back.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTreeWidget>

#include "client/desk/api.hpp"
#include "client/desk/case_forms.hpp"
#include "client/desk/case_view.hpp"
#include "client/desk/csv.hpp"
#include "client/desk/draft_sender.hpp"
#include "client/desk/draft_store.hpp"
#include "client/desk/login_window.hpp"
#include "client/desk/main_window.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/phone_format.hpp"
#include "client/desk/plan_format.hpp"
#include "client/desk/sealed_file.hpp"
#include "client/desk/session.hpp"
#include "client/desk/settings.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/common.pb.h"
#include "spoed/v1/handover.pb.h"
#include "tests/gui/desk_fixture.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace spoed {
namespace {

using desk::PlanFormat;

v1::PlanContent SamplePlan() {
    v1::PlanContent c;
    c.mutable_red()->set_what_i_do("Breathing 4-7-8");
    c.add_own_coping("Drawing");
    c.add_own_coping("Cycling");
    auto* h = c.add_people_who_can_help();
    h->set_name("Grandparents (fictional)");
    h->set_relation("grandparents");
    h->set_phone("050-3123456");
    return c;
}

// Every reason the server can give (read from the proto) has a sentence in the desk, in Dutch
// and in English, that neither repeats the server's English nor shows a field's API name.
TEST(DeskText, EveryErrorReasonHasADutchAndAnEnglishSentence) {
    const auto* reasons = v1::ErrorReason_descriptor();
    ASSERT_GT(reasons->value_count(), 20);
    for (int i = 0; i < reasons->value_count(); ++i) {
        const auto* value = reasons->value(i);
        if (value->number() == v1::ERROR_REASON_UNSPECIFIED) continue;
        Error e = Error::Of(ErrorCode::kFailedPrecondition, "the server's own english words");
        e.reason = QString::fromStdString(value->name()).mid(13).toLower().toStdString();
        e.field = "youth.given_name";
        e.params = {{"max", "100"}, {"next", "family_contacted"}, {"scope", "share_plan"}, {"version", "3"}};
        SCOPED_TRACE(e.reason);
        QString en;
        {
            test::InLanguage english(QStringLiteral("en"));
            ASSERT_TRUE(english.ok());
            en = desk::Text::reason(e);
        }
        const QString nl = desk::Text::reason(e);
        EXPECT_FALSE(en.isEmpty()) << "no English sentence";
        EXPECT_FALSE(nl.isEmpty()) << "no Dutch sentence";
        EXPECT_NE(nl, en) << "not translated: " << en.toStdString();
        for (const QString& s : {nl, en}) {
            EXPECT_FALSE(s.contains(QStringLiteral("english words"))) << s.toStdString();
            EXPECT_FALSE(s.contains(QStringLiteral("given_name"))) << s.toStdString();
            EXPECT_FALSE(s.contains(QStringLiteral("%"))) << "an argument left unfilled: " << s.toStdString();
        }
    }
}

// What the server gives as keys (the days a due time skipped, the fields an update changed,
// what a share is of, how to read the figures) the desk says in Dutch.
TEST(DeskText, TheServersKeysAreSaidInDutch) {
    google::protobuf::RepeatedPtrField<v1::SkippedDay> days;
    EXPECT_EQ(desk::Text::dueReason(days), QStringLiteral("volgende werkdag"));
    for (int day : {25, 26, 27}) {
        auto* d = days.Add();
        d->mutable_date()->set_year(2026);
        d->mutable_date()->set_month(4);
        d->mutable_date()->set_day(day);
        d->set_why(day == 27 ? "kings_day" : "weekend");
    }
    EXPECT_EQ(desk::Text::dueReason(days), QStringLiteral("Koningsdag (ma 27-04), weekend"));
    EXPECT_EQ(desk::Text::caseField("risk_flags"), QStringLiteral("risicosignalen"));
    EXPECT_EQ(desk::Text::outcome(desk::Text::outcomeOf("stayed_home")), QStringLiteral("Bleef thuis"));
    EXPECT_EQ(desk::Text::riskFlag(desk::Text::riskFlagOf("severe_aggression")), QStringLiteral("Ernstige agressie"));
    EXPECT_EQ(desk::Text::denominator("cases"), QStringLiteral("casussen geopend in de periode"));
    for (const char* key :
         {"period", "several_tags", "weekend", "complex", "handovers_on_time", "pre_registered_plan"}) {
        const QString said = desk::Text::figuresExplanation(key);
        EXPECT_FALSE(said.isEmpty()) << key;
        EXPECT_TRUE(said.contains(QStringLiteral(" de ")) || said.contains(QStringLiteral(" het ")) ||
                    said.contains(QStringLiteral(" een ")))
            << "not Dutch: " << said.toStdString();
    }
}

// A refusal the desk knows says what to do, without the server's English; one it cannot say
// more about keeps the server's words under "Details"; a lost connection shows no raw message.
TEST(DeskText, ErrorsAreSaidInDutchWithTheServersWordsOnlyAsDetails) {
    Error consent = Error::Of(ErrorCode::kPermissionDenied, "youth_id: there is no valid pre_registration consent");
    consent.reason = "consent_missing";
    consent.field = "youth_id";
    consent.params = {{"scope", "pre_registration"}};
    EXPECT_EQ(desk::Text::error(consent),
              QStringLiteral("Er is geen geldige toestemming voor vooraanmelding. Met een reden kunt u het plan toch "
                             "openen (break-the-glass)."));
    Error required = Error::Of(ErrorCode::kInvalidArgument, "question: required");
    required.reason = "required";
    required.field = "question";
    EXPECT_EQ(desk::Text::error(required), QStringLiteral("Vul de vraag in."));
    Error state = Error::Of(ErrorCode::kFailedPrecondition, "roles: this is the last active admin");
    state.reason = "wrong_state";
    EXPECT_EQ(desk::Text::error(state),
              QStringLiteral("Dit kan nu niet.\nDetails: roles: this is the last active admin"));
    EXPECT_EQ(desk::Text::error(Error::Unavailable("cannot connect to localhost:28617: Connection refused")),
              QStringLiteral("De server is niet bereikbaar."));
    // The server answered 503 itself (its password checks were all busy): reachable, but busy.
    Error busy = Error::Unavailable("too many sign-ins at this moment; try again in a few seconds");
    busy.reason = "unavailable";
    EXPECT_EQ(desk::Text::error(busy), QStringLiteral("De server heeft het nu te druk; probeer het zo nog eens."));
}

TEST(PlanFormat, DiffNamesEachChangedSectionAndItem) {
    v1::PlanContent before = SamplePlan();
    v1::PlanContent after = before;
    after.mutable_red()->set_what_i_do("Breathing 4-7-8, five times");
    after.mutable_own_coping()->RemoveLast();
    after.add_agreements("Call the grandparents first");
    auto changes = PlanFormat::diff(before, after);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].section, PlanFormat::sections(after)[2].first);  // red phase
    EXPECT_TRUE(changes[0].before.contains(QStringLiteral("4-7-8")));
    EXPECT_TRUE(changes[0].after.contains(QStringLiteral("five times")));
    EXPECT_EQ(changes[1].before, QStringLiteral("Cycling"));
    EXPECT_TRUE(changes[1].after.isEmpty());
    EXPECT_EQ(changes[2].after, QStringLiteral("Call the grandparents first"));
    EXPECT_TRUE(PlanFormat::diff(after, after).empty());
}

TEST(PlanFormat, HtmlShowsThePhasesInTheirColoursAndTheContacts) {
    v1::PlanVersion plan;
    plan.set_version(3);
    *plan.mutable_content() = SamplePlan();
    QString html = PlanFormat::html(plan);
    for (const char* colour : {"#e3f4e1", "#fff0d9", "#fbe0e0"})
        EXPECT_TRUE(html.contains(QLatin1String(colour))) << colour;
    EXPECT_TRUE(html.contains(QStringLiteral("Grandparents (fictional) (grandparents): 050-3123456")));
    EXPECT_TRUE(html.contains(QStringLiteral("Breathing 4-7-8")));
}

TEST(PlanFormat, WhatTheCrisisLineDoesAndAvoidsAndTheAgreementsComeFirst) {
    v1::PlanVersion plan;
    plan.set_version(2);
    *plan.mutable_content() = SamplePlan();
    plan.mutable_content()->add_crisis_workers_do("Ask for grandfather first");
    plan.mutable_content()->add_crisis_workers_avoid("Raising your voice");
    plan.mutable_content()->add_agreements("Bike ride together");
    const QString html = PlanFormat::html(plan);
    const auto first_of = [&](const char* text) { return html.indexOf(QLatin1String(text)); };
    ASSERT_GE(first_of("Ask for grandfather first"), 0);
    EXPECT_LT(first_of("Ask for grandfather first"), first_of("#e3f4e1"));  // before the green phase
    EXPECT_LT(first_of("Raising your voice"), first_of("#e3f4e1"));
    EXPECT_LT(first_of("Bike ride together"), first_of("#e3f4e1"));
    EXPECT_LT(first_of("#fbe0e0"), first_of("Drawing"));  // the phases before the six steps
}

TEST(PlanFormat, ContactsRoundTripThroughTheEditorsNotation) {
    auto plan = SamplePlan();
    auto parsed =
        PlanFormat::parseContacts(PlanFormat::contactsText(plan.people_who_can_help()) + QStringLiteral("\n\n | x"));
    ASSERT_EQ(parsed.size(), 1u);
    EXPECT_EQ(parsed[0].SerializeAsString(), plan.people_who_can_help(0).SerializeAsString());
}

TEST(SealedFile, OpensOnlyWithThePasswordAndDetectsOneChangedByte) {
    test::TempDir dir;
    const QString path = QString::fromStdString(dir.file("drafts/anna.sealed"));
    QString error;
    {
        auto f = desk::SealedFile::Open(path, QStringLiteral("correct horse battery"), &error);
        ASSERT_TRUE(f) << error.toStdString();
        EXPECT_TRUE(f->contents().isEmpty());
        ASSERT_TRUE(f->write("Daan Visser (fictief), 06-23456789: plan rood", &error)) << error.toStdString();
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QByteArray sealed = file.readAll();
    file.close();
    EXPECT_FALSE(sealed.contains("Daan"));
    EXPECT_FALSE(sealed.contains("06-23456789"));
    EXPECT_EQ(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    auto again = desk::SealedFile::Open(path, QStringLiteral("correct horse battery"), &error);
    ASSERT_TRUE(again) << error.toStdString();
    EXPECT_EQ(again->contents(), QByteArray("Daan Visser (fictief), 06-23456789: plan rood"));
    EXPECT_FALSE(desk::SealedFile::Open(path, QStringLiteral("wrong horse battery"), &error));

    // One byte changed anywhere — header, nonce, text or tag — and it does not open.
    for (int at : {12, 30, 45, int(sealed.size()) - 1}) {
        QByteArray changed = sealed;
        changed[at] = char(changed[at] ^ 0x01);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(changed);
        file.close();
        EXPECT_FALSE(desk::SealedFile::Open(path, QStringLiteral("correct horse battery"), &error)) << "byte " << at;
    }

    // The draft store sets such a file aside, says so, and begins anew.
    QString warning;
    auto store = desk::DraftStore::Open(QString::fromStdString(dir.file("drafts")), QStringLiteral("https://x"),
                                        QStringLiteral("anna"), QStringLiteral("pw"), &warning);
    ASSERT_TRUE(store);
    EXPECT_TRUE(warning.isEmpty());
    store->put({QStringLiteral("contact/1"),
                "key-1",
                QJsonObject{{QStringLiteral("summary"), QStringLiteral("x")}},
                QStringLiteral("Contact"),
                {}});
    const QString store_path = store->path();
    store.reset();
    QFile s(store_path);
    ASSERT_TRUE(s.open(QIODevice::ReadOnly));
    QByteArray bytes = s.readAll();
    s.close();
    bytes[40] = char(bytes[40] ^ 0x01);
    ASSERT_TRUE(s.open(QIODevice::WriteOnly | QIODevice::Truncate));
    s.write(bytes);
    s.close();
    store = desk::DraftStore::Open(QString::fromStdString(dir.file("drafts")), QStringLiteral("https://x"),
                                   QStringLiteral("anna"), QStringLiteral("pw"), &warning);
    ASSERT_TRUE(store);
    EXPECT_FALSE(warning.isEmpty());
    EXPECT_TRUE(store->all().empty());
    EXPECT_TRUE(QFile::exists(store_path + QStringLiteral(".unreadable")));
}

/// A youth of the offline set as the server sends it (fictional).
v1::OfflineYouth OfflineYouth(std::int64_t id, const std::string& given, const std::string& family,
                              const std::string& phone, int year, const std::string& red) {
    v1::OfflineYouth o;
    auto* y = o.mutable_youth();
    y->set_id(id);
    y->set_given_name(given);
    y->set_family_name(family);
    y->mutable_date_of_birth()->set_year(year);
    y->mutable_date_of_birth()->set_month(3);
    y->mutable_date_of_birth()->set_day(14);
    y->add_phones()->set_number(phone);
    auto* father = y->add_contacts();
    father->set_name("Vader " + family);
    father->set_phone("+3161000" + std::to_string(1000 + id));
    o.mutable_plan()->set_id(100 + id);
    o.mutable_plan()->set_version(1);
    o.mutable_plan()->mutable_content()->mutable_red()->set_signs(red);
    return o;
}

TEST(OfflineCopy, SealedOnDiskOpensOnlyUnderTheUsersKeyAndIsDiscardedWhenChanged) {
    test::TempDir dir;
    const QString folder = QString::fromStdString(dir.file("offline"));
    QString error;
    auto keyed = desk::SealedFile::Open(QString::fromStdString(dir.file("drafts/anna.sealed")),
                                        QStringLiteral("correct horse battery"), &error);
    ASSERT_TRUE(keyed) << error.toStdString();
    QString warning;
    auto copy = desk::OfflineCopy::Open(folder, QStringLiteral("https://x"), QStringLiteral("anna"), *keyed, &warning);
    ASSERT_TRUE(copy);
    EXPECT_TRUE(warning.isEmpty());
    EXPECT_FALSE(copy->present());

    v1::SyncOfflineSetResponse sync;
    sync.set_full(true);
    *sync.add_youths() = OfflineYouth(1, "Daan", "Visser (fictief)", "+31620000000", 2012, "Sluit zich op in de kamer");
    *sync.add_youths() = OfflineYouth(2, "Sofie", "Jansen (fictief)", "+31620000001", 2010, "Loopt weg van huis");
    sync.set_sync_token("o1.token");
    sync.mutable_synced_at()->set_seconds(QDateTime::currentSecsSinceEpoch());
    sync.add_roles(v1::ROLE_CRISIS_WORKER);
    sync.set_keep_seconds(24 * 3600);
    copy->apply(sync);
    ASSERT_TRUE(copy->present());
    const QString path = copy->path();

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray sealed = file.readAll();
    file.close();
    for (const char* plain : {"Daan", "Visser", "Sofie", "+31620000000", "0620000000", "Sluit zich op", "Loopt weg"}) {
        EXPECT_FALSE(sealed.contains(plain)) << plain;
    }
    EXPECT_EQ(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    // The same key opens it again, with everything in it.
    copy.reset();
    copy = desk::OfflineCopy::Open(folder, QStringLiteral("https://x"), QStringLiteral("anna"), *keyed, &warning);
    ASSERT_TRUE(copy);
    EXPECT_TRUE(warning.isEmpty());
    EXPECT_EQ(copy->youthCount(), 2);
    ASSERT_NE(copy->youth(2), nullptr);
    EXPECT_EQ(copy->youth(2)->plan().content().red().signs(), "Loopt weg van huis");

    // Another password's key does not open it: the copy is removed, and the desk says so.
    auto other = desk::SealedFile::Open(QString::fromStdString(dir.file("drafts/other.sealed")),
                                        QStringLiteral("wrong horse battery"), &error);
    ASSERT_TRUE(other);
    copy.reset();
    copy = desk::OfflineCopy::Open(folder, QStringLiteral("https://x"), QStringLiteral("anna"), *other, &warning);
    ASSERT_TRUE(copy);
    EXPECT_FALSE(warning.isEmpty());
    EXPECT_FALSE(copy->present());
    EXPECT_FALSE(QFile::exists(path));

    // One changed byte anywhere: detected, and the copy is removed rather than read.
    for (int at : {12, 40, int(sealed.size()) / 2, int(sealed.size()) - 1}) {
        QByteArray changed = sealed;
        changed[at] = char(changed[at] ^ 0x01);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(changed);
        file.close();
        warning.clear();
        copy.reset();
        copy = desk::OfflineCopy::Open(folder, QStringLiteral("https://x"), QStringLiteral("anna"), *keyed, &warning);
        ASSERT_TRUE(copy);
        EXPECT_FALSE(warning.isEmpty()) << "byte " << at;
        EXPECT_FALSE(copy->present()) << "byte " << at;
        EXPECT_FALSE(QFile::exists(path)) << "byte " << at;
    }
}

TEST(OfflineCopy, LooksUpLikeTheServerAndTakesInChangesAndRemovals) {
    test::TempDir dir;
    QString error, warning;
    auto keyed = desk::SealedFile::Open(QString::fromStdString(dir.file("k.sealed")), QStringLiteral("pw"), &error);
    ASSERT_TRUE(keyed);
    auto copy = desk::OfflineCopy::Open(QString::fromStdString(dir.file("offline")), QStringLiteral("s"),
                                        QStringLiteral("u"), *keyed, &warning);
    ASSERT_TRUE(copy);
    v1::SyncOfflineSetResponse sync;
    sync.set_full(true);
    *sync.add_youths() = OfflineYouth(1, "Daan", "Visser (fictief)", "+31620000000", 2012, "rood 1");
    *sync.add_youths() = OfflineYouth(2, "Sofie", "Jansen (fictief)", "+31620000001", 2010, "rood 2");
    *sync.add_youths() = OfflineYouth(3, "Sofië", "Bakker (fictief)", "+31620000002", 2012, "rood 3");
    sync.set_sync_token("o1.a");
    copy->apply(sync);

    auto ids = [&](const QString& text) {
        std::vector<std::int64_t> out;
        for (const auto* y : copy->search(text).youths) out.push_back(y->youth().id());
        return out;
    };
    EXPECT_EQ(ids(QStringLiteral("06 2000 0000")), std::vector<std::int64_t>{1});
    EXPECT_EQ(ids(QStringLiteral("06-10001002")), std::vector<std::int64_t>{2}) << "the father's number";
    EXPECT_EQ(ids(QStringLiteral("sofie")), (std::vector<std::int64_t>{3, 2})) << "accents folded; by family name";
    EXPECT_EQ(ids(QStringLiteral("14-03-2012")), (std::vector<std::int64_t>{3, 1}));
    EXPECT_EQ(ids(QStringLiteral("sofie 14-03-2012")), std::vector<std::int64_t>{3}) << "every part must match";
    EXPECT_EQ(copy->search(QStringLiteral("06 2000 0000")).query_kind, "phone");
    EXPECT_EQ(copy->search(QStringLiteral("sofie 14-03-2012")).query_kind, "date+name");
    EXPECT_FALSE(copy->search(QStringLiteral("12345")).error.isEmpty()) << "neither a date nor a number";

    // Changes: one youth replaced, one removed, one added; the rest kept.
    v1::SyncOfflineSetResponse changes;
    *changes.add_youths() = OfflineYouth(1, "Daan", "Visser (fictief)", "+31620000099", 2012, "rood 1, versie 2");
    *changes.add_youths() = OfflineYouth(4, "Mila", "de Boer (fictief)", "+31620000004", 2011, "rood 4");
    changes.add_removed_youth_ids(2);
    changes.set_sync_token("o1.b");
    copy->apply(changes);
    EXPECT_EQ(copy->youthCount(), 3);
    EXPECT_EQ(copy->youth(2), nullptr);
    EXPECT_EQ(copy->youth(1)->plan().content().red().signs(), "rood 1, versie 2");
    EXPECT_TRUE(ids(QStringLiteral("06 2000 0000")).empty()) << "the old number is gone";
    EXPECT_EQ(ids(QStringLiteral("mila")), std::vector<std::int64_t>{4});
    EXPECT_EQ(copy->syncToken(), "o1.b");

    // Switched off by the deployment: gone.
    v1::SyncOfflineSetResponse off;
    off.set_disabled(true);
    copy->apply(off);
    EXPECT_FALSE(copy->present());
    EXPECT_EQ(copy->youthCount(), 0);
}

TEST(OfflineCopy, TooOldOrMadeForOtherRolesItIsRemovedButTheReadsWaitForTheServer) {
    test::TempDir dir;
    QString error, warning;
    auto keyed = desk::SealedFile::Open(QString::fromStdString(dir.file("k.sealed")), QStringLiteral("pw"), &error);
    ASSERT_TRUE(keyed);
    const QString folder = QString::fromStdString(dir.file("offline"));
    auto copy = desk::OfflineCopy::Open(folder, QStringLiteral("s"), QStringLiteral("u"), *keyed, &warning);
    v1::SyncOfflineSetResponse sync;
    sync.set_full(true);
    *sync.add_youths() = OfflineYouth(1, "Daan", "Visser (fictief)", "+31620000000", 2012, "rood");
    sync.set_sync_token("o1.a");
    const QDateTime synced = QDateTime::currentDateTime();
    sync.mutable_synced_at()->set_seconds(synced.toSecsSinceEpoch());
    sync.add_roles(v1::ROLE_CRISIS_WORKER);
    sync.set_keep_seconds(24 * 3600);
    copy->apply(sync);
    const std::vector<v1::Role> worker{v1::ROLE_CRISIS_WORKER};
    EXPECT_TRUE(copy->dropIfStale(synced.addSecs(23 * 3600), worker).isEmpty());
    EXPECT_FALSE(copy->dropIfStale(synced, {v1::ROLE_COORDINATOR}).isEmpty()) << "other roles";
    EXPECT_FALSE(copy->present());
    copy->apply(sync);
    const QString why = copy->dropIfStale(synced.addSecs(24 * 3600 + 60), worker);
    EXPECT_TRUE(why.contains(QStringLiteral("24 uur"))) << why.toStdString();
    EXPECT_FALSE(copy->present());

    // The reads made meanwhile stay, sealed, and go up in batches with a key kept until answered.
    copy->apply(sync);
    copy->noteLookup(copy->search(QStringLiteral("Daan")));
    copy->noteYouth(1);
    copy->notePlan(*copy->youth(1));
    copy->wipe();
    copy.reset();
    copy = desk::OfflineCopy::Open(folder, QStringLiteral("s"), QStringLiteral("u"), *keyed, &warning);
    ASSERT_EQ(copy->pendingReads(), 3);
    const auto batch = copy->nextBatch();
    ASSERT_EQ(batch.reads_size(), 3);
    EXPECT_EQ(batch.reads(0).query_kind(), "name");
    EXPECT_EQ(batch.reads(0).found_youth_ids(0), 1);
    EXPECT_EQ(batch.reads(2).plan_id(), 101);
    // Not answered (the desk closed): the same batch with the same key next time.
    copy.reset();
    copy = desk::OfflineCopy::Open(folder, QStringLiteral("s"), QStringLiteral("u"), *keyed, &warning);
    EXPECT_EQ(copy->nextBatch().idempotency_key(), batch.idempotency_key());
    copy->batchRecorded();
    EXPECT_EQ(copy->pendingReads(), 0);
    EXPECT_EQ(copy->nextBatch().reads_size(), 0);
}

TEST(OfflineCopy, TheNextSignInOpensItAgainAlsoWhenNoDraftWasEverWritten) {
    test::TempDir dir;
    const QString drafts = QString::fromStdString(dir.file("drafts"));
    const QString offline = QString::fromStdString(dir.file("offline"));
    QString warning;
    v1::SyncOfflineSetResponse sync;
    sync.set_full(true);
    *sync.add_youths() = OfflineYouth(1, "Daan", "Visser (fictief)", "+31620000000", 2012, "rood");
    sync.set_sync_token("o1.a");
    {
        auto store = desk::DraftStore::Open(drafts, QStringLiteral("https://x"), QStringLiteral("anna"),
                                            QStringLiteral("pw"), &warning);
        ASSERT_TRUE(store);
        auto copy = desk::OfflineCopy::Open(offline, QStringLiteral("https://x"), QStringLiteral("anna"), store->file(),
                                            &warning);
        ASSERT_TRUE(copy);
        copy->apply(sync);
    }
    // Signed in again, with the same password: the key is the same, so the copy opens.
    auto store = desk::DraftStore::Open(drafts, QStringLiteral("https://x"), QStringLiteral("anna"),
                                        QStringLiteral("pw"), &warning);
    ASSERT_TRUE(store);
    warning.clear();
    auto copy =
        desk::OfflineCopy::Open(offline, QStringLiteral("https://x"), QStringLiteral("anna"), store->file(), &warning);
    ASSERT_TRUE(copy);
    EXPECT_TRUE(warning.isEmpty()) << warning.toStdString();
    EXPECT_TRUE(copy->present());
    EXPECT_NE(copy->youth(1), nullptr);
}

TEST(DeskPhone, NumbersShowAsDutchPeopleWriteThem) {
    using desk::DutchPhone;
    EXPECT_EQ(DutchPhone(QStringLiteral("+31612345678")), QStringLiteral("06-12345678"));
    EXPECT_EQ(DutchPhone(QStringLiteral("0612345678")), QStringLiteral("06-12345678"));
    EXPECT_EQ(DutchPhone(QStringLiteral("06 1234 5678")), QStringLiteral("06-12345678"));
    EXPECT_EQ(DutchPhone(QStringLiteral("+31501234567")), QStringLiteral("050-1234567"));  // Groningen
    EXPECT_EQ(DutchPhone(QStringLiteral("0031201234567")), QStringLiteral("020-1234567"));
    EXPECT_EQ(DutchPhone(QStringLiteral("+31598123456")), QStringLiteral("0598-123456"));  // Veendam
    EXPECT_EQ(DutchPhone(QStringLiteral("+31881234567")), QStringLiteral("088-1234567"));
    EXPECT_EQ(DutchPhone(QStringLiteral("0800-1234")), QStringLiteral("0800-1234"));
    EXPECT_EQ(DutchPhone(QStringLiteral("+4930123456")), QStringLiteral("+49 30123456"));
    EXPECT_EQ(DutchPhone(QStringLiteral("onbekend")), QStringLiteral("onbekend"));
    EXPECT_EQ(DutchPhone(QString()), QString());
}

TEST(DeskLanguage, DutchUnlessTheSettingOrAnEnglishLocaleSaysOtherwise) {
    EXPECT_EQ(desk::ChooseLanguage({}, QStringLiteral("nl_NL")), QStringLiteral("nl"));
    EXPECT_EQ(desk::ChooseLanguage({}, QStringLiteral("de_DE")), QStringLiteral("nl"));
    EXPECT_EQ(desk::ChooseLanguage({}, QStringLiteral("en_GB")), QStringLiteral("en"));
    EXPECT_EQ(desk::ChooseLanguage(QStringLiteral("nl"), QStringLiteral("en_US")), QStringLiteral("nl"));
    EXPECT_EQ(desk::ChooseLanguage(QStringLiteral("en"), QStringLiteral("nl_NL")), QStringLiteral("en"));
}

TEST(DeskLanguage, TheCompiledTranslationsSwitchTheTexts) {
    auto& app = *qobject_cast<QApplication*>(QCoreApplication::instance());
    ASSERT_TRUE(desk::InstallTranslation(app, QStringLiteral("en")));
    EXPECT_EQ(desk::Text::outcome(v1::OUTCOME_STAYED_HOME), QStringLiteral("Stayed home"));
    ASSERT_TRUE(desk::InstallTranslation(app, QStringLiteral("nl")));
    EXPECT_EQ(desk::Text::outcome(v1::OUTCOME_STAYED_HOME), QStringLiteral("Bleef thuis"));
    EXPECT_EQ(desk::Text::handoverStep(v1::HANDOVER_STEP_CONFIRMED), QStringLiteral("Bevestigd"));
}

TEST(DeskLogin, RefusesAServerWhoseCertificateDoesNotVerifyAndSaysWhy) {
    test::DeskDaemon d(false);
    desk::LoginWindow login;
    login.serverEdit()->setText(d.url());
    login.caEdit()->clear();  // the system's trust store does not know the development CA
    login.userEdit()->setText(QStringLiteral("beheer"));
    login.passwordEdit()->setText(QString::fromLatin1(test::kTestPassword));
    bool signed_in = false;
    QObject::connect(&login, &desk::LoginWindow::signedIn, [&](desk::Session* s) {
        signed_in = true;
        delete s;
    });
    login.loginButton()->click();
    ASSERT_TRUE(test::WaitUntil([&] {
        return login.loginButton()->isEnabled() && !login.messageLabel()->text().isEmpty() &&
               !login.messageLabel()->text().endsWith(QStringLiteral("…"));
    }));
    EXPECT_FALSE(signed_in);
    QString text = login.messageLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("certificaat"))) << text.toStdString();  // the desk's explanation
    EXPECT_TRUE(text.contains(QStringLiteral("verified"))) << text.toStdString();     // client/core's reason
    for (auto* b : login.findChildren<QPushButton*>()) {
        EXPECT_FALSE(b->text().contains(QStringLiteral("toch"), Qt::CaseInsensitive)) << b->text().toStdString();
    }
}

TEST(DeskLogin, RemembersServerCaAndUserButNeverThePassword) {
    test::DeskDaemon d(false);
    d.InsertUser("werker", "crisis_worker");
    auto main = test::SignIn(d, QStringLiteral("werker"), QString::fromLatin1(test::kTestPassword));
    ASSERT_TRUE(main);
    auto s = desk::DeskSettings::Load();
    EXPECT_EQ(s.server_url, d.url());
    EXPECT_EQ(s.ca_file, d.ca());
    EXPECT_EQ(s.last_user, QStringLiteral("werker"));
    QSettings raw;
    for (const QString& key : raw.allKeys()) {
        QString value = raw.value(key).toString();
        EXPECT_FALSE(value.contains(QString::fromLatin1(test::kTestPassword))) << key.toStdString();
        EXPECT_FALSE(value.contains(QString::fromStdString(main->session().token()))) << key.toStdString();
    }
    desk::LoginWindow again;
    EXPECT_EQ(again.userEdit()->text(), QStringLiteral("werker"));
    EXPECT_TRUE(again.passwordEdit()->text().isEmpty());
}

TEST(DeskApi, WithSeveralServersTheStatusBarNamesTheOneThatAnswered) {
    test::DeskDaemon d(false);
    client::ClientOptions o;
    // The first address has nobody listening: the call goes to the second.
    o.server_url = "https://localhost:1, " + d.url().toStdString();
    o.ca_file = d.ca().toStdString();
    o.max_retries = 0;
    desk::Api api(o);
    QObject receiver;
    bool answered = false;
    api.call(&receiver, v1::rpc::AuthService::WhoAmI, v1::WhoAmIRequest(), [&](const Result<v1::WhoAmIResponse>& r) {
        answered = true;
        EXPECT_EQ(r.error().code, ErrorCode::kUnauthenticated) << "the second server answered";
    });
    ASSERT_TRUE(test::WaitUntil([&] { return answered; }));
    EXPECT_EQ(api.server(), d.url().toStdString());
}

TEST(DeskDrafts, AContactWrittenWhileTheServerIsGoneIsSentOnceWhenItIsBack) {
    test::DeskDaemon d(false);
    d.InsertUser("werker", "crisis_worker");
    auto main = test::SignIn(d, QStringLiteral("werker"), QString::fromLatin1(test::kTestPassword));
    ASSERT_TRUE(main);
    desk::Api& api = main->session().api();
    api.setProbeInterval(200);

    // An unknown caller's case, opened through the desk's own Api.
    v1::OpenCaseRequest open;
    open.set_caller_description("father of a boy of about 14 (fictional)");
    open.set_idempotency_key("draft-test-open");
    std::int64_t case_id = 0;
    api.call(main.get(), v1::rpc::CaseService::OpenCase, open, [&](const Result<v1::OpenCaseResponse>& r) {
        ASSERT_TRUE(r.ok()) << r.error().message;
        case_id = r->case_().id();
    });
    ASSERT_TRUE(test::WaitUntil([&] { return case_id != 0; }));
    desk::CaseView* view = main->openCase(case_id);
    ASSERT_TRUE(view && view->contactForm());
    desk::ContactForm* form = view->contactForm();

    d.Stop();
    QTest::keyClicks(form->summaryEdit(), QStringLiteral("Father called; calmer after the breathing exercise."));
    form->responseBox(v1::RESPONSE_ADVICE)->setChecked(true);
    const std::string key = form->draft().key();
    QTest::keyClick(form->summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(test::WaitUntil([&] { return form->draft().waiting(); }, 30'000))
        << form->statusLabel()->text().toStdString() << " busy=" << form->draft().busy();
    EXPECT_EQ(api.state(), desk::ConnectionState::kUnreachable);
    // It says the text is sent when the server is back, not that it "goes away".
    EXPECT_TRUE(main->connectionLabel()->text().contains(QStringLiteral("Geen verbinding")) &&
                main->connectionLabel()->text().contains(QStringLiteral("wordt verstuurd zodra de server terug is")))
        << main->connectionLabel()->text().toStdString();
    // The text stays in the form, with its key.
    EXPECT_TRUE(form->summaryEdit()->toPlainText().contains(QStringLiteral("breathing exercise")));
    EXPECT_EQ(form->draft().key(), key);

    d.Restart();
    ASSERT_TRUE(test::WaitUntil([&] { return !form->draft().waiting() && !form->draft().busy(); }, 30'000));
    EXPECT_EQ(api.state(), desk::ConnectionState::kOnline);
    EXPECT_TRUE(form->summaryEdit()->toPlainText().isEmpty());
    EXPECT_NE(form->draft().key(), key);  // a new draft begins

    // Exactly one contact reached the case.
    ASSERT_TRUE(test::WaitUntil([&] {
        int n = 0;
        for (const auto& c : view->data().contacts()) n += c.summary().find("breathing exercise") != std::string::npos;
        return n == 1 && view->data().contacts_size() == 1;
    }));
}

}  // namespace
}  // namespace spoed

namespace spoed {
namespace {

TEST(DeskCsv, QuotesWhatNeedsQuotingAndWritesWholeFiles) {
    EXPECT_EQ(desk::CsvLine(
                  {QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("say \"hi\""), QStringLiteral("x\ny")}),
              QStringLiteral("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\""));
    test::TempDir dir;
    QString path = QString::fromStdString(dir.file("out.csv"));
    ASSERT_TRUE(desk::WriteCsv(path, {QStringLiteral("id"), QStringLiteral("text")},
                               {{QStringLiteral("1"), QStringLiteral("é")}}));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("id,text\r\n1,\xc3\xa9\r\n"));
    EXPECT_FALSE(desk::WriteCsv(QString::fromStdString(dir.file("no/such/dir/out.csv")), {QStringLiteral("id")}, {}));
}

}  // namespace
}  // namespace spoed
