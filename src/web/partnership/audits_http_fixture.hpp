// The fixture of the HTTP tests of the impact log's views (impact_views_http_test.cpp), environmental audits
// (audits_http_test.cpp) and buddy plans (buddy_plans_http_test.cpp), over the demo group.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demo/partnership_demo.hpp"
#include "partnership/checklist.hpp"
#include "partnership/dates.hpp"
#include "partnership/impact_views.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/demo_group_fixture.hpp"

namespace carevoice::web::testing {

// What a buddy plan's 403 says of who may change it, and who may read it.
inline constexpr const char* kOnlyPlanManagers =
    "Only analysts, administrators and the facilitators and chairs of partnership groups that work with the mentor "
    "or the mentee";
inline constexpr const char* kOnlyPlanReaders =
    "Only analysts, administrators and the staff of partnership groups that work with the mentor or the mentee";

inline std::int64_t ChecklistItems() {
    std::int64_t items = 0;
    for (const auto& area : partnership::PlaceOutpatientTemplate().areas) items += area.items.size();
    return items;
}

class PartnershipAuditsHttpTest : public DemoGroupHttpTest {
  protected:
    void SetUp() override {
        DemoGroupHttpTest::SetUp();
        auto conn = server_->app().database().Acquire();
        auto audits = store::EnvironmentalAuditRepository(*conn).ListByGroup(group_id_);
        ASSERT_TRUE(audits.ok());
        ASSERT_EQ(audits->size(), 2u);
        first_audit_ = (*audits)[0].id;
        reaudit_ = (*audits)[1].id;
        for (const auto& p : people_) {
            if (partnership::IsMemberOn(p, server_->clock().Today())) members_.push_back(p);
        }
        ASSERT_GE(members_.size(), 3u);
        auto plan = store::BuddyPlanRepository(*conn).FindByPair("RR7", "RD8", 2018);
        ASSERT_TRUE(plan.ok());
        plan_id_ = plan->id;
    }

    std::string AuditPath(std::int64_t audit, const std::string& rest = "") {
        return GroupPath("/audits/" + std::to_string(audit) + rest);
    }
    std::string PlanPath(const std::string& rest = "") { return "/buddy-plans/" + std::to_string(plan_id_) + rest; }

    void AddOrganisation(const std::string& code, const std::string& name) {
        auto conn = server_->app().database().Acquire();
        ASSERT_TRUE(store::OrganisationsRepository(*conn).Upsert({0, code, name, "trust", std::nullopt}, 1).ok());
    }
    // A published year-on-year result of the organisation (all cancers, both sexes, every quintile).
    void AddResult(const std::string& code, int year, const std::string& question, double score, int n) {
        auto conn = server_->app().database().Acquire();
        auto org = store::OrganisationsRepository(*conn).FindByCode(code);
        ASSERT_TRUE(org.ok());
        ASSERT_TRUE(
            conn->Execute("INSERT INTO cpes_results (organisation_id, year, kind, sex, imd_quintile, "
                          "tumour_group, question, n, score) VALUES (?, ?, 'yearonyear', 'Both', 'All', "
                          "'All Cancers', ?, ?, ?)",
                          {org->id, static_cast<std::int64_t>(year), question, static_cast<std::int64_t>(n), score})
                .ok());
    }

    static void AddDate(httplib::Params& form, const std::string& name, CivilDate date) {
        form.emplace(name + "-day", std::to_string(date.day()));
        form.emplace(name + "-month", std::to_string(date.month()));
        form.emplace(name + "-year", std::to_string(date.year()));
    }

    httplib::Params StartAuditForm(Browser& b, const std::string& site) {
        httplib::Params form = {{"csrf_token", b.CsrfFrom(GroupPath("/audits/new"))},
                                {"site", site},
                                {"organisation_code", "rd8"},
                                {"template_key", std::string(partnership::kPlaceOutpatientKey)},
                                {"team", std::to_string(members_[0].id)},
                                {"team", std::to_string(members_[1].id)},
                                {"notes", "Thursday afternoon clinic"}};
        AddDate(form, "audited_on", server_->clock().Today().AddDays(-3));
        return form;
    }

    // Every item of the checklist passes, except those given.
    static httplib::Params Ratings(const std::string& csrf, const std::map<std::string, std::string>& ratings,
                                   const std::map<std::string, std::string>& reasons) {
        httplib::Params form = {{"csrf_token", csrf}};
        for (const auto& area : partnership::PlaceOutpatientTemplate().areas) {
            for (const auto& item : area.items) {
                auto r = ratings.find(item.code);
                form.emplace("rating-" + item.code, r == ratings.end() ? "pass" : r->second);
                auto why = reasons.find(item.code);
                form.emplace("reason-" + item.code, why == reasons.end() ? "" : why->second);
            }
        }
        return form;
    }

    httplib::Params ActionForm(Browser& b, const std::string& code, const std::string& owner, CivilDate due) {
        httplib::Params form = {{"csrf_token", b.CsrfFrom(AuditPath(reaudit_))}, {"item_code", code}, {"owner", owner}};
        AddDate(form, "due-" + code, due);
        return form;
    }

    std::int64_t first_audit_ = 0;
    std::int64_t reaudit_ = 0;
    std::int64_t plan_id_ = 0;
    std::vector<partnership::Person> members_;  // the demo group's members today
};

}  // namespace carevoice::web::testing
