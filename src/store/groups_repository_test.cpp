// Contract: partnership groups, their links, terms of reference, population profile and staff behave the
// same on SQLite and PostgreSQL.
#include "store/groups_repository.hpp"

#include "store/accounts_repository.hpp"
#include "store/actions_repository.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::store {
namespace {

using partnership::Group;
using partnership::GroupRole;
using testing::NamesField;

class GroupsRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    std::int64_t MakeUser(const std::string& username) {
        auto user = AccountsRepository(*conn_).CreateUser(
            {username, "User " + username, Role::kMember, std::nullopt, "$argon2id$fake"}, kNow);
        EXPECT_TRUE(user.ok()) << user.status().ToString();
        return user.ok() ? user->id : 0;
    }
};

TEST_F(GroupsRepositoryTest, AGroupRoundTripsWithItsLinksAndRepresentatives) {
    GroupsRepository groups(*conn_);
    Group group;
    group.name = "Milton Keynes partnership";
    group.area_kind = partnership::AreaKind::kLocality;
    group.area_name = "Milton Keynes";
    group.model = partnership::GroupModel::kB;
    group.year_founded = 2003;
    group.meeting_interval_weeks = 6;
    auto created = groups.Create(group, kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    const std::int64_t ann = MakePerson(created->id, "Ann");
    const std::int64_t bob = MakePerson(created->id, "Bob");

    Group changed = *created;
    changed.links = {{0, partnership::LinkedBodyKind::kNetworkBoard, "Network board", {bob, ann}},
                     {0, partnership::LinkedBodyKind::kTumourSiteGroup, "Lung group", {}}};
    changed.contact_postal_address = "Partnership office\nStanding Way\nMilton Keynes";
    changed.contact_phone = "01632 960 000";
    changed.contact_email = "partnership@example.org";
    ASSERT_TRUE(groups.Update(changed, kNow + 1).ok());

    auto found = groups.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->name, "Milton Keynes partnership");
    EXPECT_EQ(found->model, partnership::GroupModel::kB);
    EXPECT_EQ(found->year_founded, 2003);
    EXPECT_EQ(found->meeting_interval_weeks, 6);
    EXPECT_EQ(found->contact_postal_address, "Partnership office\nStanding Way\nMilton Keynes");
    EXPECT_EQ(found->contact_phone, "01632 960 000");
    EXPECT_EQ(found->contact_email, "partnership@example.org");
    EXPECT_TRUE(created->contact_phone.empty());
    ASSERT_EQ(found->links.size(), 2u);
    EXPECT_GT(found->links[0].id, 0);
    EXPECT_EQ(found->links[0].body_name, "Network board");
    EXPECT_EQ(found->links[0].representative_ids, (std::vector<std::int64_t>{ann, bob}));  // by id
    EXPECT_EQ(found->links[1].kind, partnership::LinkedBodyKind::kTumourSiteGroup);
    EXPECT_TRUE(found->links[1].representative_ids.empty());
}

TEST_F(GroupsRepositoryTest, AGroupWithoutAModelKeepsItsDescription) {
    GroupsRepository groups(*conn_);
    Group group;
    group.name = "Shared-chair groups";
    group.area_name = "North";
    group.model_description = "Three locality groups sharing one chair";
    auto created = groups.Create(group, kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    EXPECT_FALSE(created->model.has_value());
    EXPECT_EQ(created->model_description, "Three locality groups sharing one chair");
    EXPECT_FALSE(created->year_founded.has_value());
}

TEST_F(GroupsRepositoryTest, AnInvalidGroupIsRefusedAndNothingIsStored) {
    Group group;
    group.area_name = "North";
    group.model = partnership::GroupModel::kA;
    EXPECT_TRUE(NamesField(GroupsRepository(*conn_).Create(group, kNow).status(), "name"));
    EXPECT_EQ(Count("partnership_groups"), 0);
}

TEST_F(GroupsRepositoryTest, ARepresentativeMustBelongToTheGroup) {
    GroupsRepository groups(*conn_);
    const std::int64_t ours = MakeGroup("Ours");
    const std::int64_t theirs = MakeGroup("Theirs");
    const std::int64_t stranger = MakePerson(theirs, "Stranger");
    auto group = *groups.Find(ours);
    group.links = {{0, partnership::LinkedBodyKind::kNetworkBoard, "Board", {stranger}}};
    const Status s = groups.Update(group, kNow);
    EXPECT_TRUE(NamesField(s, "links[1].representative_ids")) << s.ToString();
    EXPECT_EQ(Count("group_links"), 0);
}

TEST_F(GroupsRepositoryTest, ListIsByNameAndUnknownIdsAreNotFound) {
    GroupsRepository groups(*conn_);
    MakeGroup("Zeta");
    MakeGroup("Alpha");
    auto list = groups.List();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].name, "Alpha");
    EXPECT_EQ(groups.Find(999).status().code(), StatusCode::kNotFound);
    Group ghost = (*list)[0];
    ghost.id = 999;
    EXPECT_EQ(groups.Update(ghost, kNow).code(), StatusCode::kNotFound);
    EXPECT_EQ(groups.Delete(999).code(), StatusCode::kNotFound);
}

TEST_F(GroupsRepositoryTest, TermsOfReferenceAreStoredOncePerGroupAndReplaced) {
    GroupsRepository groups(*conn_);
    const std::int64_t group = MakeGroup();
    EXPECT_FALSE(groups.FindTermsOfReference(group)->has_value());
    partnership::TermsOfReference terms = partnership::SampleTermsOfReference(D("2024-03-31"));
    ASSERT_TRUE(groups.SetTermsOfReference(group, terms, kNow).ok());
    terms.quorum = 8;
    terms.document_url = "https://example.org/tor";
    ASSERT_TRUE(groups.SetTermsOfReference(group, terms, kNow + 1).ok());
    auto found = groups.FindTermsOfReference(group);
    ASSERT_TRUE(found.ok() && found->has_value()) << found.status().ToString();
    EXPECT_EQ((*found)->quorum, 8);
    EXPECT_EQ((*found)->chair_term_max_months, 36);
    EXPECT_EQ((*found)->review_date, D("2025-03-31"));
    EXPECT_EQ((*found)->document_url, "https://example.org/tor");
    EXPECT_EQ(Count("terms_of_reference"), 1);
}

TEST_F(GroupsRepositoryTest, TermsWithAMinimumAboveTheMaximumAreRefused) {
    GroupsRepository groups(*conn_);
    const std::int64_t group = MakeGroup();
    partnership::TermsOfReference terms = partnership::SampleTermsOfReference(D("2024-03-31"));
    terms.chair_term_min_months = 48;
    EXPECT_TRUE(NamesField(groups.SetTermsOfReference(group, terms, kNow), "chair_term_max_months"));
    EXPECT_EQ(Count("terms_of_reference"), 0);
    EXPECT_EQ(groups.SetTermsOfReference(999, partnership::SampleTermsOfReference(D("2024-03-31")), kNow).code(),
              StatusCode::kNotFound);
}

TEST_F(GroupsRepositoryTest, ThePopulationProfileIsReplacedWhole) {
    GroupsRepository groups(*conn_);
    const std::int64_t group = MakeGroup();
    using partnership::DiversityDimension;
    ASSERT_TRUE(groups
                    .SetPopulationProfile(group, {{DiversityDimension::kRurality, "rural", 0.2},
                                                  {DiversityDimension::kEthnicGroup, "black", 0.06}})
                    .ok());
    ASSERT_TRUE(groups
                    .SetPopulationProfile(group, {{DiversityDimension::kEthnicGroup, "white", 0.8},
                                                  {DiversityDimension::kEthnicGroup, "asian", 0.125}})
                    .ok());
    auto profile = groups.FindPopulationProfile(group);
    ASSERT_TRUE(profile.ok());
    ASSERT_EQ(profile->size(), 2u);
    EXPECT_EQ((*profile)[0].category, "asian");
    EXPECT_DOUBLE_EQ((*profile)[0].expected_share, 0.125);
    EXPECT_TRUE(NamesField(groups.SetPopulationProfile(group, {{DiversityDimension::kSex, "female", 1.5}}),
                           "profile[1].expected_share"));
    EXPECT_EQ(groups.FindPopulationProfile(group)->size(), 2u);
}

TEST_F(GroupsRepositoryTest, StaffRolesLinkUsersToTheirGroups) {
    GroupsRepository groups(*conn_);
    const std::int64_t group = MakeGroup("Ours");
    const std::int64_t other = MakeGroup("Other");
    const std::int64_t fran = MakeUser("fran");
    const std::int64_t morgan = MakeUser("morgan");
    ASSERT_TRUE(groups.SetStaffRole(group, morgan, GroupRole::kMember).ok());
    ASSERT_TRUE(groups.SetStaffRole(group, fran, GroupRole::kMember).ok());
    ASSERT_TRUE(groups.SetStaffRole(group, fran, GroupRole::kFacilitator).ok());  // changes the role
    ASSERT_TRUE(groups.SetStaffRole(other, morgan, GroupRole::kChair).ok());
    auto staff = groups.Staff(group);
    ASSERT_TRUE(staff.ok()) << staff.status().ToString();
    ASSERT_EQ(staff->size(), 2u);
    EXPECT_EQ((*staff)[0].username, "fran");
    EXPECT_EQ((*staff)[0].role, GroupRole::kFacilitator);
    EXPECT_EQ((*staff)[1].role, GroupRole::kMember);
    auto of_morgan = groups.GroupsOfUser(morgan);
    ASSERT_EQ(of_morgan->size(), 2u);
    EXPECT_EQ((*of_morgan)[1].group_id, other);
    EXPECT_EQ((*of_morgan)[1].role, GroupRole::kChair);
    ASSERT_TRUE(groups.RemoveStaff(group, morgan).ok());
    EXPECT_EQ(groups.RemoveStaff(group, morgan).code(), StatusCode::kNotFound);
    EXPECT_EQ(groups.Staff(group)->size(), 1u);
}

TEST_F(GroupsRepositoryTest, DeletingAGroupDeletesEverythingThatBelongsToIt) {
    const std::int64_t group = MakeGroup("Doomed");
    const std::int64_t kept = MakeGroup("Kept");
    MakePerson(kept, "Survivor");
    const std::int64_t ann = MakePerson(group, "Ann");
    ASSERT_TRUE(GroupsRepository(*conn_)
                    .SetTermsOfReference(group, partnership::SampleTermsOfReference(D("2024-01-01")), kNow)
                    .ok());
    ASSERT_TRUE(GroupsRepository(*conn_).SetStaffRole(group, MakeUser("fran"), GroupRole::kFacilitator).ok());
    partnership::Meeting meeting;
    meeting.group_id = group;
    meeting.held_on = D("2024-02-01");
    meeting.place = "Room 1";
    meeting.attendees = {ann};
    meeting.decisions = {"Audit the clinic"};
    auto held = MeetingsRepository(*conn_).Create(meeting, kNow);
    ASSERT_TRUE(held.ok()) << held.status().ToString();
    partnership::Action action;
    action.group_id = group;
    action.meeting_id = held->id;
    action.description = "Book the audit";
    ASSERT_TRUE(ActionsRepository(*conn_).Create(action, kNow).ok());
    partnership::WorkItem item;
    item.group_id = group;
    item.programme_year = 2024;
    item.title = "Cards";
    item.smart_aim = "Cards for all";
    item.deadline = D("2024-12-31");
    item.milestones = {{"Design", D("2024-03-01"), std::nullopt}};
    auto work = WorkItemsRepository(*conn_).Create(item, kNow);
    ASSERT_TRUE(work.ok()) << work.status().ToString();
    improvement::Measure measure;
    measure.group_id = group;
    measure.name = "Cards given";
    auto m = MeasuresRepository(*conn_).Create(measure, kNow);
    ASSERT_TRUE(m.ok());
    const std::vector<improvement::Observation> obs = {{D("2024-01-01"), 1}, {D("2024-02-01"), 2}};
    ASSERT_TRUE(MeasuresRepository(*conn_).ReplaceObservations(m->id, obs).ok());
    partnership::Impact impact;
    impact.group_id = group;
    impact.title = "Water";
    impact.occurred_on = D("2024-03-01");
    impact.organisation = "Hospital";
    impact.you_said = "No water";
    impact.we_did = "Cooler";
    impact.work_item_id = work->id;
    ASSERT_TRUE(ImpactRepository(*conn_).Create(impact, kNow).ok());

    ASSERT_TRUE(GroupsRepository(*conn_).Delete(group).ok());
    for (const char* table :
         {"terms_of_reference", "group_staff", "meetings", "meeting_attendance", "meeting_decisions", "actions",
          "work_items", "work_item_milestones", "measures", "measure_observations", "impacts"}) {
        EXPECT_EQ(Count(table), 0) << table;
    }
    EXPECT_EQ(Count("people"), 1);  // the other group's
    EXPECT_EQ(Count("partnership_groups"), 1);
    EXPECT_EQ(Count("users"), 1);  // accounts are not the group's to delete
}

TEST_F(GroupsRepositoryTest, ARolledBackTransactionLeavesNothing) {
    {
        auto tx = Transaction::Begin(*conn_);
        ASSERT_TRUE(tx.ok()) << tx.status().ToString();
        const std::int64_t group = MakeGroup();
        MakePerson(group, "Ann");
        ASSERT_TRUE(GroupsRepository(*conn_)
                        .SetTermsOfReference(group, partnership::SampleTermsOfReference(D("2024-01-01")), kNow)
                        .ok());
        // no Commit: the transaction rolls back when it goes out of scope
    }
    EXPECT_EQ(Count("partnership_groups"), 0);
    EXPECT_EQ(Count("people"), 0);
    EXPECT_EQ(Count("terms_of_reference"), 0);
}

}  // namespace
}  // namespace carevoice::store
