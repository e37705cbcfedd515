// The partnership demo fills a fresh database on either engine with a group whose records pass every
// validation and show what each view is for.
#include "demo/partnership_demo.hpp"

#include <algorithm>
#include <set>

#include "improvement/spc.hpp"
#include "partnership/diversity.hpp"
#include "partnership/reaudit.hpp"
#include "partnership/terms_of_reference_warnings.hpp"
#include "store/accounts_repository.hpp"
#include "store/actions_repository.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/programme_settings_repository.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::store {
namespace {

class PartnershipDemoTest : public testing::PartnershipStoreTest {
  protected:
    // 2026-11-26T00:00:00Z
    static constexpr std::int64_t kToday = 1'795'651'200;

    void AddDemoAccounts() {
        AccountsRepository accounts(*conn_);
        for (const char* name : {"facilitator", "member", "admin"}) {
            ASSERT_TRUE(accounts.CreateUser({name, name, Role::kMember, std::nullopt, "$argon2id$fake"}, kNow).ok());
        }
    }
    std::int64_t DemoGroup() {
        auto groups = GroupsRepository(*conn_).List();
        EXPECT_TRUE(groups.ok());
        for (const auto& g : *groups) {
            if (g.name == demo::kDemoGroupName) return g.id;
        }
        ADD_FAILURE() << "no demo group";
        return 0;
    }
    FakeClock clock_{kToday};
};

TEST_F(PartnershipDemoTest, FillsAGroupWithMembersOfEveryKindAndLinksTheDemoAccounts) {
    AddDemoAccounts();
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    const std::int64_t group = DemoGroup();
    auto people = *PeopleRepository(*conn_).ListByGroup(group);
    std::set<partnership::MemberType> kinds;
    for (const auto& p : people) kinds.insert(p.member_type);
    EXPECT_EQ(kinds.size(), partnership::kMemberTypes.size());
    EXPECT_TRUE(std::any_of(people.begin(), people.end(), [](const auto& p) { return p.consent_to_be_named; }));
    EXPECT_TRUE(std::any_of(people.begin(), people.end(), [](const auto& p) { return !p.consent_to_be_named; }));

    auto staff = *GroupsRepository(*conn_).Staff(group);
    ASSERT_EQ(staff.size(), 2u);
    EXPECT_EQ(staff[0].username, "facilitator");
    EXPECT_EQ(staff[0].role, partnership::GroupRole::kFacilitator);
    EXPECT_EQ(staff[1].username, "member");
    EXPECT_EQ(staff[1].role, partnership::GroupRole::kMember);
    // The member account is Polly Patient's, so that it can vote.
    auto linked = ProgrammeSettingsRepository(*conn_).PersonOfUser(group, staff[1].user_id);
    ASSERT_TRUE(linked.ok() && linked->has_value());
    EXPECT_EQ(PeopleRepository(*conn_).Find(**linked)->name, "Polly Patient");
}

TEST_F(PartnershipDemoTest, RunningItAgainChangesNothingAndItWorksWithoutDemoAccounts) {
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    const std::int64_t people = Count("people");
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    EXPECT_EQ(Count("partnership_groups"), 1);
    EXPECT_EQ(Count("people"), people);
    EXPECT_EQ(Count("group_staff"), 0);
}

TEST_F(PartnershipDemoTest, AYearOfMeetingsEverySixWeeksWithWarningsToActOn) {
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    const std::int64_t group = DemoGroup();
    auto meetings = *MeetingsRepository(*conn_).ListByGroup(group);
    const CivilDate today = clock_.Today();
    const auto held =
        std::count_if(meetings.begin(), meetings.end(), [&](const auto& m) { return m.held_on <= today; });
    EXPECT_GE(held, 8);
    EXPECT_LE(DaysBetween(meetings.front().held_on, today), 366);
    auto terms = **GroupsRepository(*conn_).FindTermsOfReference(group);
    auto people = *PeopleRepository(*conn_).ListByGroup(group);
    const auto warnings = partnership::TermsOfReferenceWarnings(terms, people, meetings, today);
    std::set<partnership::TorWarningKind> kinds;
    for (const auto& w : warnings) kinds.insert(w.kind);
    EXPECT_TRUE(kinds.count(partnership::TorWarningKind::kReviewDueSoon));
    EXPECT_TRUE(kinds.count(partnership::TorWarningKind::kMeetingWithoutQuorum));
    EXPECT_FALSE(kinds.count(partnership::TorWarningKind::kNoChair));

    auto profile = *GroupsRepository(*conn_).FindPopulationProfile(group);
    auto view = partnership::BuildDiversityView(people, meetings, profile, today);
    ASSERT_TRUE(view.ok()) << view.status().ToString();
    EXPECT_GT(view->lay, view->professionals);
    EXPECT_FALSE(view->seldom_heard_missing.empty());
    EXPECT_FALSE(view->lapsed.empty());
    EXPECT_GT(view->in_or_just_after_treatment, 0);

    auto actions = *ActionsRepository(*conn_).ListByGroup(group);
    EXPECT_TRUE(std::any_of(actions.begin(), actions.end(), [&](const auto& a) {
        return a.status == partnership::ActionStatus::kOpen && a.due_on && *a.due_on < today;
    }));
}

TEST_F(PartnershipDemoTest, AnAuditWithFailsAndAReauditThatImproved) {
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    auto audits = *EnvironmentalAuditRepository(*conn_).ListByGroup(DemoGroup());
    ASSERT_EQ(audits.size(), 2u);
    const auto& checklist = partnership::PlaceOutpatientTemplate();
    EXPECT_GE(partnership::ActionDraftsFromFails(audits[0], checklist).size(), 3u);
    auto comparison = partnership::CompareAudits(audits[0], audits[1], checklist);
    ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
    EXPECT_GT(*comparison->overall.change, 0);
    EXPECT_FALSE(comparison->now_passing.empty());
    EXPECT_FALSE(comparison->now_failing.empty());
}

TEST_F(PartnershipDemoTest, AWorkProgrammeOnRealSurveyItemsImpactsMeasuresAndABuddyPlan) {
    ASSERT_TRUE(demo::FillPartnershipDemo(*conn_, clock_).ok());
    const std::int64_t group = DemoGroup();
    const int year = clock_.Today().year();
    auto evidence = *PrioritiesRepository(*conn_).ListEvidence(group, year);
    EXPECT_TRUE(std::any_of(evidence.begin(), evidence.end(), [](const auto& e) {
        return e.cpes && e.cpes->org_code == "RD8" && e.cpes->year == 2018 && e.cpes->question == "Q17";
    }));
    EXPECT_GE(PrioritiesRepository(*conn_).ListPriorities(group, year)->size(), 3u);
    EXPECT_GE(PrioritiesRepository(*conn_).ListBallots(group, year)->size(), 5u);
    EXPECT_TRUE(WorkItemsRepository(*conn_).FindReview(group, year - 1)->has_value());

    auto impacts = *ImpactRepository(*conn_).ListByGroup(group);
    std::set<partnership::ImpactKind> kinds;
    for (const auto& i : impacts) kinds.insert(i.kind);
    EXPECT_GE(kinds.size(), 5u);
    EXPECT_FALSE(ImpactRepository(*conn_).ListByGroup(group, true)->empty());

    MeasuresRepository measures(*conn_);
    auto list = *measures.ListByGroup(group);
    ASSERT_EQ(list.size(), 3u);
    for (const auto& m : list) {
        if (m.source == improvement::MeasureSource::kPathway) {
            EXPECT_EQ(m.pathway_measure, "fds");  // counted when drawn: nothing stored
            EXPECT_TRUE(measures.Observations(m.id)->empty());
            continue;
        }
        auto observations = *measures.Observations(m.id);
        if (m.source == improvement::MeasureSource::kManual) {
            EXPECT_GE(observations.size(), 15u);
        } else {
            EXPECT_EQ(observations.size(), 4u);  // the survey's 2015–2018
        }
        EXPECT_TRUE(improvement::ComputeXmrChart(observations, improvement::SpcOptionsFor(m)).ok()) << m.name;
    }
    auto plan = BuddyPlanRepository(*conn_).FindByPair("RR7", "RD8", 2018);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_EQ(plan->starts_on, *CivilDate::FromYmd(2019, 2, 1));
}

}  // namespace
}  // namespace carevoice::store
