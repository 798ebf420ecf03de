#pragma once

#include <QObject>
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "client/desk/api.hpp"
#include "client/desk/draft_store.hpp"
#include "client/desk/offline_copy.hpp"
#include "client/desk/youth_names.hpp"
#include "spoed/v1/auth.pb.h"

namespace spoed::desk {

/// One signed-in user at this desk: the Api with its token, and who the user is. The token
/// lives in memory only, for as long as this object does.
class Session : public QObject {
    Q_OBJECT
  public:
    Session(std::unique_ptr<Api> api, v1::User user, std::string token, QObject* parent = nullptr)
        : QObject(parent), api_(api.release()), user_(std::move(user)), token_(std::move(token)) {
        api_->setParent(this);
        api_->setToken(token_);
        names_ = new YouthNames(*api_, this);
    }
    Api& api() const { return *api_; }
    /// The youths' names for every screen of this session, each read once.
    YouthNames& names() const { return *names_; }
    const v1::User& user() const { return user_; }
    const std::string& token() const { return token_; }
    bool has(v1::Role role) const {
        return std::find(user_.roles().begin(), user_.roles().end(), role) != user_.roles().end();
    }
    /// The user's sealed drafts on disk; nullptr when they could not be opened.
    DraftStore* drafts() const { return drafts_; }
    void setDrafts(std::unique_ptr<DraftStore> drafts, const QString& warning) {
        drafts_ = drafts.release();
        if (drafts_) drafts_->setParent(this);
        draft_warning_ = warning;
    }
    /// The offline copy of the set a night needs; nullptr when this desk keeps none for the user.
    OfflineCopy* offline() const { return offline_; }
    void setOffline(std::unique_ptr<OfflineCopy> copy, const QString& warning) {
        offline_ = copy.release();
        if (offline_) offline_->setParent(this);
        offline_warning_ = warning;
    }
    /// Why the offline copy on disk could not be opened and was removed (empty when it could).
    const QString& offlineWarning() const { return offline_warning_; }
    /// Whether the server cannot be reached now (the desk then answers from the offline copy).
    bool unreachable() const { return api_->state() == ConnectionState::kUnreachable; }
    /// Why earlier drafts could not be opened (empty when they could).
    const QString& draftWarning() const { return draft_warning_; }
    /// What the server says this user's roles may call (v1::rpc::CaseService::LogContact); the
    /// desk keeps no copy of the role table.
    void setAllowedMethods(std::vector<std::string> methods) {
        allowed_ = std::move(methods);
        std::sort(allowed_.begin(), allowed_.end());
    }
    bool may(std::string_view method) const { return std::binary_search(allowed_.begin(), allowed_.end(), method); }
    /// The names of colleagues the desk has seen (tonight's roster, the user), by user id;
    /// empty when not known.
    void rememberUser(std::int64_t id, const QString& name) { user_names_[id] = name; }
    QString userName(std::int64_t id) const {
        if (id == user_.id()) return QString::fromStdString(user_.display_name());
        auto it = user_names_.find(id);
        return it == user_names_.end() ? QString() : it->second;
    }
    /// May this user write in a case (log contacts, request consults, start handovers)?
    bool canWriteCases() const { return may(v1::rpc::CaseService::LogContact); }

  private:
    Api* api_;                        // a child of this object
    YouthNames* names_;               // likewise
    DraftStore* drafts_ = nullptr;    // likewise
    OfflineCopy* offline_ = nullptr;  // likewise
    QString draft_warning_;
    QString offline_warning_;
    std::vector<std::string> allowed_;  // sorted
    std::map<std::int64_t, QString> user_names_;
    v1::User user_;
    std::string token_;
};

}  // namespace spoed::desk
