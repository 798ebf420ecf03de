#include "client/desk/youth_names.hpp"

#include "client/desk/api.hpp"
#include "client/desk/text.hpp"
#include "spoed/v1/case.pb.h"
#include "spoed/v1/youth.pb.h"

namespace spoed::desk {

namespace {
const QString kPending = QStringLiteral("…");
}

YouthNames::YouthNames(Api& api, QObject* parent) : QObject(parent), api_(api) {}

QString YouthNames::name(std::int64_t youth_id) {
    if (youth_id == 0) return {};
    if (auto it = names_.find(youth_id); it != names_.end()) return it->second;
    if (asking_.insert(youth_id).second) {
        v1::GetYouthRequest req;
        req.set_youth_id(youth_id);
        api_.call(this, v1::rpc::YouthService::GetYouth, req, [this, youth_id](const Result<v1::GetYouthResponse>& r) {
            asking_.erase(youth_id);
            if (!r.ok()) return;  // asked again next time
            remember(youth_id, Text::youthName(r->youth().given_name(), r->youth().family_name()),
                     Text::ageOn(r->youth().date_of_birth()), r->youth().date_of_birth_estimated());
        });
    }
    return kPending;
}

int YouthNames::age(std::int64_t youth_id) const {
    auto it = ages_.find(youth_id);
    return it == ages_.end() ? -1 : it->second;
}

void YouthNames::remember(std::int64_t youth_id, const QString& name, int age, bool age_estimated) {
    if (youth_id == 0) return;
    if (age >= 0) {
        ages_[youth_id] = age;
        if (age_estimated) {
            estimated_.insert(youth_id);
        } else {
            estimated_.erase(youth_id);
        }
    }
    auto& slot = names_[youth_id];
    if (slot == name) return;
    slot = name;
    emit nameKnown(youth_id, name);
    for (const auto& [case_id, info] : cases_) {
        if (info.youth_id == youth_id) emit caseLabelKnown(case_id, name);
    }
}

QString YouthNames::labelFor(std::int64_t case_id) {
    const CaseInfo& info = cases_.at(case_id);
    if (info.youth_id == 0) return tr("unknown youth: %1").arg(info.caller_description);
    return name(info.youth_id);
}

QString YouthNames::caseLabel(std::int64_t case_id) {
    if (case_id == 0) return {};
    if (cases_.count(case_id)) return labelFor(case_id);
    if (asking_cases_.insert(case_id).second) {
        v1::GetCaseRequest req;
        req.set_case_id(case_id);
        api_.call(this, v1::rpc::CaseService::GetCase, req, [this, case_id](const Result<v1::GetCaseResponse>& r) {
            asking_cases_.erase(case_id);
            if (!r.ok()) return;
            rememberCase(case_id, r->case_().youth_id(), Q(r->case_().caller_description()));
        });
    }
    return kPending;
}

void YouthNames::rememberCase(std::int64_t case_id, std::int64_t youth_id, const QString& caller_description) {
    auto it = cases_.find(case_id);
    if (it != cases_.end() && it->second.youth_id == youth_id && it->second.caller_description == caller_description) {
        return;
    }
    cases_[case_id] = CaseInfo{youth_id, caller_description};
    QString label = labelFor(case_id);
    if (label != kPending) emit caseLabelKnown(case_id, label);
}

void YouthNames::forgetCase(std::int64_t case_id) { cases_.erase(case_id); }

}  // namespace spoed::desk
