// The demo group's environmental audit of the cancer outpatient clinic "from a patient's or carer's
// perspective" (the Milton Keynes article), its fails turned into actions, and a re-audit months later.
#include <map>
#include <string>
#include <vector>

#include "demo/partnership_demo_parts.hpp"
#include "partnership/checklist.hpp"
#include "partnership/environmental_audit.hpp"
#include "store/actions_repository.hpp"
#include "store/environmental_audit_repository.hpp"

namespace carevoice::demo {
namespace {

using partnership::ActionStatus;
using partnership::EnvironmentalAudit;
using partnership::ItemRating;
using partnership::RatedItem;

constexpr const char* kSite = "Cancer outpatient clinic, Milton Keynes University Hospital";
constexpr const char* kTrust = "RD8";  // ODS code of Milton Keynes University Hospital NHS Foundation Trust

// Every item of the checklist passes unless `exceptions` says otherwise.
std::vector<RatedItem> Ratings(const std::map<std::string, std::pair<ItemRating, std::string>>& exceptions) {
    std::vector<RatedItem> out;
    for (const auto& area : partnership::PlaceOutpatientTemplate().areas) {
        for (const auto& item : area.items) {
            auto it = exceptions.find(item.code);
            if (it == exceptions.end()) {
                out.push_back({item.code, ItemRating::kPass, ""});
            } else {
                out.push_back({item.code, it->second.first, it->second.second});
            }
        }
    }
    return out;
}

EnvironmentalAudit Audit(const DemoContext& demo, CivilDate on, std::vector<std::int64_t> team,
                         std::vector<RatedItem> ratings, std::string notes) {
    EnvironmentalAudit a;
    a.group_id = demo.group_id;
    a.site = kSite;
    a.organisation_code = kTrust;
    a.audited_on = on;
    a.template_key = std::string(partnership::kPlaceOutpatientKey);
    a.team = std::move(team);
    a.ratings = std::move(ratings);
    a.notes = std::move(notes);
    return a;
}

}  // namespace

Status AddAudits(DemoContext& demo) {
    EnvironmentalAuditRepository audits(demo.conn);
    ActionsRepository actions(demo.conn);
    const auto& checklist = partnership::PlaceOutpatientTemplate();

    const CivilDate first_on = demo.today.AddDays(-340);
    CV_ASSIGN_OR_RETURN(
        EnvironmentalAudit first,
        audits.Create(
            Audit(demo, first_on, {demo.Person("Cora"), demo.Person("Sid"), demo.Person("Eddie"), demo.Person("Nina")},
                  Ratings({{"E2", {ItemRating::kQualifiedPass, "Signs to the clinic are small and high up"}},
                           {"E4", {ItemRating::kFail, "The nearest blue badge bays are about 200 m away"}},
                           {"W2", {ItemRating::kQualifiedPass, "Only two chairs have arms"}},
                           {"W3", {ItemRating::kFail, "No drinking water; patients were asking at reception"}},
                           {"W4", {ItemRating::kFail, "No waiting times shown; clinics ran 50 minutes late"}},
                           {"T4", {ItemRating::kQualifiedPass, "Pull cord tied up out of reach in one toilet"}},
                           {"C3", {ItemRating::kQualifiedPass, "Gowns in one size only"}},
                           {"I3", {ItemRating::kFail, "Leaflets in English only, none in large print"}}}),
                  "Audited on a Tuesday morning clinic; staff were welcoming and interested."),
            demo.now));

    // The fails become the group's actions; by the re-audit most were done.
    const std::map<std::string, int> closed_after_days = {{"W3", 45}, {"W4", 120}, {"I3", 90}};
    for (partnership::Action action : partnership::ActionDraftsFromFails(first, checklist, first_on.AddDays(60))) {
        action.owner_person_id = demo.Person("Mia");
        for (const auto& [code, days] : closed_after_days) {
            const std::string marker = checklist.Find(code).item->text;
            if (action.description.find(marker) != std::string::npos) {
                action.status = ActionStatus::kDone;
                action.closed_on = first_on.AddDays(days);
            }
        }
        CV_RETURN_IF_ERROR(actions.Create(action, demo.now).status());
    }

    const CivilDate again_on = demo.today.AddDays(-85);
    CV_ASSIGN_OR_RETURN(
        EnvironmentalAudit again,
        audits.Create(Audit(demo, again_on,
                            {demo.Person("Cora"), demo.Person("Fiona"), demo.Person("Val"), demo.Person("Nina"),
                             demo.Person("Mia")},
                            Ratings({{"E2", {ItemRating::kQualifiedPass, "New signs ordered, not yet up"}},
                                     {"E4", {ItemRating::kFail, "Blue badge bays still about 200 m away"}},
                                     {"R5", {ItemRating::kFail, "The hearing loop at reception was not working"}},
                                     {"W4", {ItemRating::kQualifiedPass, "Screen shows waits but was 20 minutes out"}},
                                     {"C3", {ItemRating::kQualifiedPass, "Gowns in one size only"}},
                                     {"T2", {ItemRating::kNotApplicable, "Accessible toilet closed for refit"}}}),
                            "Re-audit. Water cooler installed; leaflets in five languages and large print."),
                      demo.now));
    for (partnership::Action action : partnership::ActionDraftsFromFails(again, checklist, demo.today.AddDays(30))) {
        if (action.description.find("hearing loop") == std::string::npos) continue;  // parking already has one
        action.owner_person_id = demo.Person("Mia");
        CV_RETURN_IF_ERROR(actions.Create(action, demo.now).status());
    }
    return Status::Ok();
}

}  // namespace carevoice::demo
