#include "client/desk/offline_copy.hpp"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <algorithm>
#include <cstdio>

#include "base/search_query.hpp"
#include "client/desk/text.hpp"

namespace spoed::desk {
namespace {

constexpr int kMaxHits = 20;
/// Reads in one upload; the server takes up to 500.
constexpr int kBatch = 200;

std::string IsoDate(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace

OfflineCopy::OfflineCopy(SealedFile copy, SealedFile reads) : copy_(std::move(copy)), reads_(std::move(reads)) {
    if (!set_.ParseFromArray(copy_.contents().constData(), int(copy_.contents().size()))) set_.Clear();
    const QJsonObject r = QJsonDocument::fromJson(reads_.contents()).object();
    const QByteArray batch = QByteArray::fromBase64(r.value(QStringLiteral("batch")).toString().toLatin1());
    const QByteArray backlog = QByteArray::fromBase64(r.value(QStringLiteral("backlog")).toString().toLatin1());
    batch_.ParseFromArray(batch.constData(), int(batch.size()));
    backlog_.ParseFromArray(backlog.constData(), int(backlog.size()));
    index();
}

QString OfflineCopy::DefaultDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/offline");
}

std::unique_ptr<OfflineCopy> OfflineCopy::Open(const QString& dir, const QString& server, const QString& user,
                                               const SealedFile& keyed, QString* warning) {
    auto open = [&](const QString& kind) -> std::optional<SealedFile> {
        const QString path = SealedPath(dir, server, user, kind);
        QString error;
        auto file = SealedFile::OpenLike(path, keyed, &error);
        if (file) return file;
        // Changed on disk, or sealed under an earlier password: it cannot be trusted or read.
        *warning = error;
        QFile::remove(path);
        return SealedFile::OpenLike(path, keyed, &error);
    };
    auto copy = open(QStringLiteral("offline"));
    auto reads = open(QStringLiteral("reads"));
    if (!copy || !reads) return nullptr;
    return std::unique_ptr<OfflineCopy>(new OfflineCopy(std::move(*copy), std::move(*reads)));
}

bool OfflineCopy::Exists(const QString& dir, const QString& server, const QString& user) {
    return QFileInfo::exists(SealedPath(dir, server, user, QStringLiteral("offline")));
}

QDateTime OfflineCopy::syncedAt() const {
    if (!present()) return {};
    return QDateTime::fromMSecsSinceEpoch(set_.synced_at().seconds() * 1000 + set_.synced_at().nanos() / 1'000'000);
}

QString OfflineCopy::dropIfStale(const QDateTime& now, const std::vector<v1::Role>& roles) {
    if (!present()) return {};
    QString why;
    if (syncedAt().addSecs(set_.keep_seconds()) < now) {
        why = tr("The offline copy was not brought up to date for %n hour(s) and has been removed.", "",
                 int(set_.keep_seconds() / 3600));
    } else {
        std::vector<int> mine(roles.begin(), roles.end());
        std::vector<int> made(set_.roles().begin(), set_.roles().end());
        std::sort(mine.begin(), mine.end());
        std::sort(made.begin(), made.end());
        if (mine != made) why = tr("Your roles changed: the offline copy has been removed.");
    }
    if (!why.isEmpty()) wipe();
    return why;
}

void OfflineCopy::wipe() {
    set_.Clear();
    entries_.clear();
    by_id_.clear();
    copy_.remove();
    emit changed();
}

void OfflineCopy::apply(const v1::SyncOfflineSetResponse& sync) {
    if (sync.disabled()) {
        wipe();
        return;
    }
    if (sync.full()) {
        set_ = sync;
    } else {
        // The changes: youths replaced or added by id, those who left removed; the rest whole.
        std::map<std::int64_t, v1::OfflineYouth> youths;
        for (auto& y : *set_.mutable_youths()) youths[y.youth().id()] = std::move(y);
        for (const auto& y : sync.youths()) youths[y.youth().id()] = y;
        for (auto id : sync.removed_youth_ids()) youths.erase(id);
        set_ = sync;
        set_.clear_youths();
        for (auto& [id, y] : youths) *set_.add_youths() = std::move(y);
    }
    set_.clear_removed_youth_ids();
    set_.set_full(true);
    index();
    saveCopy();
    emit changed();
}

void OfflineCopy::index() {
    entries_.clear();
    by_id_.clear();
    entries_.reserve(std::size_t(set_.youths_size()));
    for (int i = 0; i < set_.youths_size(); ++i) {
        const auto& y = set_.youths(i).youth();
        Entry e;
        e.folded_name = FoldName(y.given_name() + " " + y.family_name());
        e.date = IsoDate(y.date_of_birth().year(), y.date_of_birth().month(), y.date_of_birth().day());
        for (const auto& p : y.phones()) e.phones.push_back(p.number());
        for (const auto& c : y.contacts()) {
            if (!c.phone().empty()) e.phones.push_back(c.phone());
        }
        e.at = i;
        by_id_[y.id()] = i;
        entries_.push_back(std::move(e));
    }
}

OfflineCopy::Found OfflineCopy::search(const QString& text) const {
    Found found;
    auto query = ParseSearchQuery(S(text));
    if (!query.ok()) {
        found.error = Text::error(query.error());
        return found;
    }
    found.query_kind = query->Kind();
    const std::string date = query->date ? IsoDate(int(query->date->year()), int(unsigned(query->date->month())),
                                                   int(unsigned(query->date->day())))
                                         : std::string();
    for (const auto& e : entries_) {
        if (query->phone && std::find(e.phones.begin(), e.phones.end(), *query->phone) == e.phones.end()) continue;
        if (query->date && e.date != date) continue;
        const bool names = std::all_of(query->name_terms.begin(), query->name_terms.end(), [&](const std::string& t) {
            return e.folded_name.find(t) != std::string::npos;
        });
        if (!names) continue;
        found.youths.push_back(&set_.youths(e.at));
    }
    std::sort(found.youths.begin(), found.youths.end(), [](const v1::OfflineYouth* a, const v1::OfflineYouth* b) {
        const auto& x = a->youth();
        const auto& y = b->youth();
        const std::int64_t xi = x.id(), yi = y.id();
        return std::tie(x.family_name(), x.given_name(), xi) < std::tie(y.family_name(), y.given_name(), yi);
    });
    if (found.youths.size() > std::size_t(kMaxHits)) found.youths.resize(kMaxHits);
    return found;
}

const v1::OfflineYouth* OfflineCopy::youth(std::int64_t id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &set_.youths(it->second);
}

void OfflineCopy::noteRead(v1::OfflineRead read) {
    *backlog_.add_reads() = std::move(read);
    saveReads();
}

namespace {

v1::OfflineRead ReadNow(v1::OfflineReadKind kind) {
    v1::OfflineRead r;
    r.set_kind(kind);
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    r.mutable_at()->set_seconds(ms / 1000);
    r.mutable_at()->set_nanos(int(ms % 1000) * 1'000'000);
    return r;
}

}  // namespace

void OfflineCopy::noteLookup(const Found& found) {
    if (!found.error.isEmpty()) return;  // refused before anything was read
    auto r = ReadNow(v1::OFFLINE_READ_KIND_LOOKUP);
    r.set_query_kind(found.query_kind);
    for (const auto* y : found.youths) r.add_found_youth_ids(y->youth().id());
    noteRead(std::move(r));
}

void OfflineCopy::noteYouth(std::int64_t youth_id) {
    auto r = ReadNow(v1::OFFLINE_READ_KIND_YOUTH);
    r.set_youth_id(youth_id);
    noteRead(std::move(r));
}

void OfflineCopy::notePlan(const v1::OfflineYouth& youth) {
    if (!youth.has_plan()) return;
    auto r = ReadNow(v1::OFFLINE_READ_KIND_PLAN);
    r.set_youth_id(youth.youth().id());
    r.set_plan_id(youth.plan().id());
    noteRead(std::move(r));
}

const v1::UploadOfflineReadsRequest& OfflineCopy::nextBatch() {
    if (batch_.reads_size() == 0 && backlog_.reads_size() > 0) {
        batch_.set_idempotency_key(NewIdempotencyKey());
        const int n = std::min(kBatch, backlog_.reads_size());
        for (int i = 0; i < n; ++i) *batch_.add_reads() = backlog_.reads(i);
        backlog_.mutable_reads()->DeleteSubrange(0, n);
        saveReads();  // the key is kept with the batch before it is sent
    }
    return batch_;
}

void OfflineCopy::batchRecorded() {
    batch_.Clear();
    saveReads();
}

void OfflineCopy::saveCopy() {
    QString error;
    if (!copy_.write(QByteArray::fromStdString(set_.SerializeAsString()), &error)) emit writeFailed(error);
}

void OfflineCopy::saveReads() {
    QJsonObject r;
    r[QStringLiteral("batch")] = QString::fromLatin1(QByteArray::fromStdString(batch_.SerializeAsString()).toBase64());
    r[QStringLiteral("backlog")] =
        QString::fromLatin1(QByteArray::fromStdString(backlog_.SerializeAsString()).toBase64());
    QString error;
    if (!reads_.write(QJsonDocument(r).toJson(QJsonDocument::Compact), &error)) emit writeFailed(error);
}

}  // namespace spoed::desk
