// Contract: environmental audits behave the same on SQLite and PostgreSQL.
#include "store/environmental_audit_repository.hpp"

#include "partnership/reaudit.hpp"
#include "store/actions_repository.hpp"
#include "store/partnership_fixture.hpp"

namespace carevoice::store {
namespace {

using partnership::EnvironmentalAudit;
using partnership::ItemRating;
using testing::NamesField;

class EnvironmentalAuditRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
        ann_ = MakePerson(group_, "Ann");
        nina_ = MakePerson(group_, "Nina", partnership::MemberType::kProfessional);
    }
    EnvironmentalAudit AnAudit(std::string_view on, std::vector<partnership::RatedItem> ratings) {
        EnvironmentalAudit a;
        a.group_id = group_;
        a.site = "Oncology outpatients";
        a.organisation_code = "RD8";
        a.audited_on = D(on);
        a.template_key = std::string(partnership::kPlaceOutpatientKey);
        a.team = {nina_, ann_};
        a.ratings = std::move(ratings);
        a.notes = "Tuesday clinic";
        return a;
    }
    std::int64_t group_ = 0, ann_ = 0, nina_ = 0;
};

TEST_F(EnvironmentalAuditRepositoryTest, AnAuditRoundTripsWithTeamAndRatings) {
    EnvironmentalAuditRepository audits(*conn_);
    auto created = audits.Create(AnAudit("2024-03-12", {{"W3", ItemRating::kFail, "No water"},
                                                        {"E1", ItemRating::kPass, ""},
                                                        {"T2", ItemRating::kNotApplicable, "Closed"},
                                                        {"E2", ItemRating::kQualifiedPass, "Small signs"}}),
                                 kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = audits.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->site, "Oncology outpatients");
    EXPECT_EQ(found->organisation_code, "RD8");
    EXPECT_EQ(found->audited_on, D("2024-03-12"));
    EXPECT_EQ(found->notes, "Tuesday clinic");
    EXPECT_EQ(found->team, (std::vector<std::int64_t>{ann_, nina_}));  // by id
    // by item code
    EXPECT_EQ(found->ratings, (std::vector<partnership::RatedItem>{{"E1", ItemRating::kPass, ""},
                                                                   {"E2", ItemRating::kQualifiedPass, "Small signs"},
                                                                   {"T2", ItemRating::kNotApplicable, "Closed"},
                                                                   {"W3", ItemRating::kFail, "No water"}}));
}

TEST_F(EnvironmentalAuditRepositoryTest, AFailWithoutAReasonOrAnUnknownChecklistIsRefused) {
    EnvironmentalAuditRepository audits(*conn_);
    EXPECT_TRUE(NamesField(audits.Create(AnAudit("2024-03-12", {{"W3", ItemRating::kFail, ""}}), kNow).status(),
                           "ratings[W3].reason"));
    EnvironmentalAudit unknown = AnAudit("2024-03-12", {});
    unknown.template_key = "place_ward_v9";
    EXPECT_TRUE(NamesField(audits.Create(unknown, kNow).status(), "template_key"));
    EnvironmentalAudit outsider = AnAudit("2024-03-12", {});
    outsider.team.push_back(MakePerson(MakeGroup("Other"), "Stranger"));
    EXPECT_TRUE(NamesField(audits.Create(outsider, kNow).status(), "team"));
    EXPECT_EQ(Count("environmental_audits"), 0);
}

TEST_F(EnvironmentalAuditRepositoryTest, StoredAuditsFeedTheReauditComparison) {
    EnvironmentalAuditRepository audits(*conn_);
    ASSERT_TRUE(audits.Create(AnAudit("2024-09-10", {{"W3", ItemRating::kPass, ""}}), kNow).ok());
    ASSERT_TRUE(audits.Create(AnAudit("2024-03-12", {{"W3", ItemRating::kFail, "No water"}}), kNow).ok());
    auto list = audits.ListByGroup(group_);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].audited_on, D("2024-03-12"));  // oldest first
    const auto previous = partnership::PreviousAuditIndex(*list, (*list)[1]);
    ASSERT_EQ(previous, 0u);
    auto comparison = partnership::CompareAudits((*list)[0], (*list)[1], partnership::PlaceOutpatientTemplate());
    ASSERT_TRUE(comparison.ok());
    ASSERT_EQ(comparison->now_passing.size(), 1u);
    EXPECT_EQ(comparison->now_passing[0].item_code, "W3");
}

TEST_F(EnvironmentalAuditRepositoryTest, UpdateReplacesRatingsAndDeleteKeepsTheActionsItRaised) {
    EnvironmentalAuditRepository audits(*conn_);
    auto audit = *audits.Create(AnAudit("2024-03-12", {{"W3", ItemRating::kFail, "No water"}}), kNow);
    audit.ratings = {{"W3", ItemRating::kPass, ""}, {"W4", ItemRating::kPass, ""}};
    audit.team = {ann_};
    ASSERT_TRUE(audits.Update(audit, kNow + 1).ok());
    EXPECT_EQ(audits.Find(audit.id)->ratings.size(), 2u);
    EXPECT_EQ(audits.Find(audit.id)->team, (std::vector<std::int64_t>{ann_}));

    auto drafts = partnership::ActionDraftsFromFails(AnAudit("2024-03-12", {{"W3", ItemRating::kFail, "No water"}}),
                                                     partnership::PlaceOutpatientTemplate());
    ASSERT_EQ(drafts.size(), 1u);
    drafts[0].audit_id = audit.id;
    auto action = ActionsRepository(*conn_).Create(drafts[0], kNow);
    ASSERT_TRUE(action.ok()) << action.status().ToString();
    ASSERT_TRUE(audits.Delete(audit.id).ok());
    EXPECT_EQ(Count("environmental_audit_ratings"), 0);
    EXPECT_EQ(Count("environmental_audit_team"), 0);
    auto kept = ActionsRepository(*conn_).Find(action->id);
    ASSERT_TRUE(kept.ok());
    EXPECT_FALSE(kept->audit_id.has_value());
}

}  // namespace
}  // namespace carevoice::store
