// Contract: the impact log behaves the same on SQLite and PostgreSQL.
#include "store/impact_repository.hpp"

#include "partnership/impact_views.hpp"
#include "store/partnership_fixture.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::store {
namespace {

using partnership::Impact;
using testing::NamesField;

class ImpactRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
    }
    Impact AnImpact(std::string title, std::string_view on, bool is_public) {
        Impact i;
        i.group_id = group_;
        i.title = std::move(title);
        i.occurred_on = D(on);
        i.kind = partnership::ImpactKind::kCareEnvironment;
        i.organisation = "Milton Keynes University Hospital";
        i.influence = partnership::InfluenceStrength::kStrong;
        i.domain = partnership::DecisionDomain::kTreatmentAndServices;
        i.involvement = partnership::InvolvementLevel::kPartnership;
        i.evidence = "Minutes of March";
        i.lay_reflection = "We were heard";
        i.professional_reflection = "We had not noticed";
        i.you_said = "No mirrors in the changing rooms";
        i.we_did = "Mirrors fitted";
        i.difference_made = "Patients can tidy themselves";
        i.fed_back_to = "Members";
        i.fed_back_on = D(on).AddDays(10);
        i.fed_back_how = "Newsletter";
        i.is_public = is_public;
        return i;
    }
    std::int64_t group_ = 0;
};

TEST_F(ImpactRepositoryTest, AnImpactRoundTripsEveryField) {
    ImpactRepository repo(*conn_);
    partnership::WorkItem item;
    item.group_id = group_;
    item.programme_year = 2024;
    item.title = "Changing rooms";
    item.smart_aim = "Mirrors by June";
    item.deadline = D("2024-06-30");
    auto work = *WorkItemsRepository(*conn_).Create(item, kNow);
    Impact impact = AnImpact("Mirrors", "2024-04-10", true);
    impact.work_item_id = work.id;
    auto created = repo.Create(impact, kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = repo.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->title, "Mirrors");
    EXPECT_EQ(found->occurred_on, D("2024-04-10"));
    EXPECT_EQ(found->kind, partnership::ImpactKind::kCareEnvironment);
    EXPECT_EQ(found->influence, partnership::InfluenceStrength::kStrong);
    EXPECT_EQ(found->domain, partnership::DecisionDomain::kTreatmentAndServices);
    EXPECT_EQ(found->involvement, partnership::InvolvementLevel::kPartnership);
    EXPECT_EQ(found->evidence, "Minutes of March");
    EXPECT_EQ(found->lay_reflection, "We were heard");
    EXPECT_EQ(found->professional_reflection, "We had not noticed");
    EXPECT_EQ(found->work_item_id, work.id);
    EXPECT_EQ(found->you_said, "No mirrors in the changing rooms");
    EXPECT_EQ(found->we_did, "Mirrors fitted");
    EXPECT_EQ(found->difference_made, "Patients can tidy themselves");
    EXPECT_EQ(found->fed_back_to, "Members");
    EXPECT_EQ(found->fed_back_on, D("2024-04-20"));
    EXPECT_EQ(found->fed_back_how, "Newsletter");
    EXPECT_TRUE(found->is_public);

    // The work item goes; the impact stays, unlinked.
    ASSERT_TRUE(WorkItemsRepository(*conn_).Delete(work.id).ok());
    EXPECT_FALSE(repo.Find(created->id)->work_item_id.has_value());
}

TEST_F(ImpactRepositoryTest, AnImpactWithoutYouSaidIsRefusedNamingTheField) {
    Impact impact = AnImpact("Mirrors", "2024-04-10", false);
    impact.you_said = "";
    impact.organisation = "";
    const Status s = ImpactRepository(*conn_).Create(impact, kNow).status();
    EXPECT_TRUE(NamesField(s, "you_said"));
    EXPECT_TRUE(NamesField(s, "organisation"));
    EXPECT_EQ(Count("impacts"), 0);
}

TEST_F(ImpactRepositoryTest, ListingIsNewestFirstAndPublicPagesSeeOnlyPublicImpacts) {
    ImpactRepository repo(*conn_);
    ASSERT_TRUE(repo.Create(AnImpact("Old public", "2023-01-01", true), kNow).ok());
    ASSERT_TRUE(repo.Create(AnImpact("Private", "2024-01-01", false), kNow).ok());
    ASSERT_TRUE(repo.Create(AnImpact("New public", "2024-06-01", true), kNow).ok());
    auto all = repo.ListByGroup(group_);
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].title, "New public");
    auto published = repo.ListByGroup(group_, /*public_only=*/true);
    ASSERT_EQ(published->size(), 2u);
    EXPECT_EQ((*published)[1].title, "Old public");
    const auto by_year = partnership::ImpactByKindOverTime(*published, partnership::Period::kYear);
    ASSERT_EQ(by_year.size(), 2u);
    EXPECT_EQ(by_year[1].total, 1);
}

TEST_F(ImpactRepositoryTest, UpdateAndDelete) {
    ImpactRepository repo(*conn_);
    auto impact = *repo.Create(AnImpact("Mirrors", "2024-04-10", false), kNow);
    impact.influence = partnership::InfluenceStrength::kSome;
    impact.fed_back_to = "";
    impact.fed_back_on.reset();
    impact.fed_back_how = "";
    ASSERT_TRUE(repo.Update(impact, kNow + 1).ok());
    auto found = *repo.Find(impact.id);
    EXPECT_EQ(found.influence, partnership::InfluenceStrength::kSome);
    EXPECT_FALSE(found.fed_back_on.has_value());
    ASSERT_TRUE(repo.Delete(impact.id).ok());
    EXPECT_EQ(repo.Find(impact.id).status().code(), StatusCode::kNotFound);
    impact.id = 999;
    EXPECT_EQ(repo.Update(impact, kNow).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace carevoice::store
