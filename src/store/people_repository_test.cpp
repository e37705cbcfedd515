// Contract: people of partnership groups, with their lists, behave the same on SQLite and PostgreSQL.
#include "store/people_repository.hpp"

#include "store/actions_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/partnership_fixture.hpp"

namespace carevoice::store {
namespace {

using partnership::DiversityAnswer;
using partnership::DiversityDimension;
using partnership::MemberType;
using partnership::Office;
using partnership::Person;
using testing::NamesField;

class PeopleRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    Person Everything(std::int64_t group) {
        Person p;
        p.group_id = group;
        p.name = "Sid Secretary";
        p.contact_method = partnership::ContactMethod::kPost;
        p.postal_address = "1 Demo Row\nMilton Keynes";
        p.phone = "01632 960001";
        p.access_needs = "Large print";
        p.member_type = MemberType::kExPatient;
        p.tumour_experience = {"Colorectal", "Skin"};
        p.treatment_stage = partnership::TreatmentStage::kWithinYearAfter;
        p.diversity_consent = true;
        p.diversity = {{DiversityDimension::kAgeBand, "65_74"}, {DiversityDimension::kEthnicGroup, "black"}};
        p.training = {{"CancerVOICES", D("2023-05-01")}, {"Chairing", std::nullopt}};
        p.joined_on = D("2022-01-10");
        p.left_on = D("2025-01-01");
        p.offices = {{Office::kSecretary, D("2022-06-01"), D("2023-06-01")}, {Office::kViceChair, D("2023-06-01"), {}}};
        p.consent_to_be_named = true;
        return p;
    }
};

TEST_F(PeopleRepositoryTest, APersonRoundTripsWithEveryList) {
    PeopleRepository people(*conn_);
    const std::int64_t group = MakeGroup();
    auto created = people.Create(Everything(group), kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = people.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    const Person expected = Everything(group);
    EXPECT_EQ(found->name, expected.name);
    EXPECT_EQ(found->contact_method, partnership::ContactMethod::kPost);
    EXPECT_EQ(found->postal_address, "1 Demo Row\nMilton Keynes");
    EXPECT_EQ(found->phone, expected.phone);
    EXPECT_EQ(found->access_needs, "Large print");
    EXPECT_EQ(found->member_type, MemberType::kExPatient);
    EXPECT_EQ(found->tumour_experience, expected.tumour_experience);
    EXPECT_EQ(found->treatment_stage, expected.treatment_stage);
    EXPECT_TRUE(found->diversity_consent);
    // stored by dimension name: age_band before ethnic_group
    EXPECT_EQ(found->diversity, expected.diversity);
    EXPECT_EQ(found->training, expected.training);
    EXPECT_EQ(found->joined_on, expected.joined_on);
    EXPECT_EQ(found->left_on, expected.left_on);
    EXPECT_EQ(found->offices, expected.offices);
    EXPECT_TRUE(found->consent_to_be_named);
}

TEST_F(PeopleRepositoryTest, ConsentToBeNamedDefaultsToNo) {
    PeopleRepository people(*conn_);
    const std::int64_t id = MakePerson(MakeGroup(), "Ann");
    EXPECT_FALSE(people.Find(id)->consent_to_be_named);
    EXPECT_FALSE(people.Find(id)->diversity_consent);
}

TEST_F(PeopleRepositoryTest, UpdateReplacesListsAndWithdrawnConsentDeletesTheAnswers) {
    PeopleRepository people(*conn_);
    auto created = *people.Create(Everything(MakeGroup()), kNow);
    Person changed = created;
    changed.diversity_consent = false;
    changed.diversity.clear();
    changed.tumour_experience = {"Lung"};
    changed.offices.pop_back();
    changed.left_on.reset();
    ASSERT_TRUE(people.Update(changed, kNow + 1).ok());
    auto found = *people.Find(created.id);
    EXPECT_TRUE(found.diversity.empty());
    EXPECT_EQ(Count("person_diversity"), 0);
    EXPECT_EQ(found.tumour_experience, (std::vector<std::string>{"Lung"}));
    EXPECT_EQ(found.offices.size(), 1u);
    EXPECT_FALSE(found.left_on.has_value());
}

TEST_F(PeopleRepositoryTest, APersonCannotBeEditedThroughAnotherGroup) {
    PeopleRepository people(*conn_);
    auto created = *people.Create(Everything(MakeGroup("Ours")), kNow);
    Person moved = created;
    moved.group_id = MakeGroup("Theirs");
    moved.name = "Renamed";
    EXPECT_EQ(people.Update(moved, kNow + 1).code(), StatusCode::kNotFound);
    EXPECT_EQ(people.Find(created.id)->name, "Sid Secretary");
}

TEST_F(PeopleRepositoryTest, AnswersWithoutConsentAreRefusedAndNothingIsStored) {
    PeopleRepository people(*conn_);
    Person p = Everything(MakeGroup());
    p.diversity_consent = false;
    p.email = "not-an-address";
    const Status s = people.Create(p, kNow).status();
    EXPECT_TRUE(NamesField(s, "diversity"));
    EXPECT_TRUE(NamesField(s, "email"));
    EXPECT_EQ(Count("people"), 0);
}

TEST_F(PeopleRepositoryTest, APersonNeedsAnExistingGroup) {
    Person p = Everything(999);
    EXPECT_EQ(PeopleRepository(*conn_).Create(p, kNow).status().code(), StatusCode::kNotFound);
}

TEST_F(PeopleRepositoryTest, ListByGroupIsByNameAndOnlyThatGroup) {
    PeopleRepository people(*conn_);
    const std::int64_t group = MakeGroup("Ours");
    MakePerson(group, "Zoe");
    MakePerson(group, "Amy");
    MakePerson(MakeGroup("Theirs"), "Bea");
    auto list = people.ListByGroup(group);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].name, "Amy");
    EXPECT_EQ((*list)[1].name, "Zoe");
}

TEST_F(PeopleRepositoryTest, DeletingAPersonRemovesTheirAttendanceAndLeavesTheirActionsOwnerless) {
    const std::int64_t group = MakeGroup();
    const std::int64_t ann = MakePerson(group, "Ann");
    const std::int64_t bob = MakePerson(group, "Bob");
    partnership::Meeting meeting;
    meeting.group_id = group;
    meeting.held_on = D("2024-02-01");
    meeting.place = "Room 1";
    meeting.attendees = {ann, bob};
    auto held = *MeetingsRepository(*conn_).Create(meeting, kNow);
    partnership::Action action;
    action.group_id = group;
    action.description = "Write to estates";
    action.owner_person_id = ann;
    auto created = *ActionsRepository(*conn_).Create(action, kNow);

    ASSERT_TRUE(PeopleRepository(*conn_).Delete(ann).ok());
    EXPECT_EQ(MeetingsRepository(*conn_).Find(held.id)->attendees, (std::vector<std::int64_t>{bob}));
    auto kept = ActionsRepository(*conn_).Find(created.id);
    ASSERT_TRUE(kept.ok());
    EXPECT_FALSE(kept->owner_person_id.has_value());
    EXPECT_EQ(PeopleRepository(*conn_).Delete(ann).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace carevoice::store
