// Contract: evidence, candidate priorities, ballots, work items and annual reviews behave the same on
// SQLite and PostgreSQL.
#include "partnership/annual_review.hpp"
#include "partnership/voting.hpp"
#include "store/partnership_fixture.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::store {
namespace {

using partnership::Ballot;
using partnership::CandidatePriority;
using partnership::EvidenceItem;
using partnership::EvidenceKind;
using partnership::WorkItem;
using partnership::WorkItemStatus;
using testing::NamesField;

class WorkProgrammeRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
        ann_ = MakePerson(group_, "Ann");
        bob_ = MakePerson(group_, "Bob", partnership::MemberType::kProfessional);
    }
    EvidenceItem Evidence(EvidenceKind kind, std::optional<partnership::CpesReference> cpes) {
        EvidenceItem e;
        e.group_id = group_;
        e.programme_year = 2025;
        e.kind = kind;
        e.summary = "Q17 below expected";
        e.reference = "CPES 2018";
        e.cpes = std::move(cpes);
        e.recorded_on = D("2025-01-15");
        return e;
    }
    CandidatePriority Priority(std::string title, std::vector<std::int64_t> evidence = {}) {
        CandidatePriority p;
        p.group_id = group_;
        p.programme_year = 2025;
        p.title = std::move(title);
        p.description = "Why it matters";
        p.evidence_ids = std::move(evidence);
        return p;
    }
    WorkItem Item(std::string title, WorkItemStatus status, int year = 2025) {
        WorkItem w;
        w.group_id = group_;
        w.programme_year = year;
        w.title = std::move(title);
        w.smart_aim = "By December, 95% of new patients get a card";
        w.owner_person_id = bob_;
        w.people_needed = "CNS team";
        w.systems_needed = "Monthly count";
        w.funding_needed = "£300";
        w.deadline = D(std::to_string(year) + "-12-31");
        w.status = status;
        w.milestones = {{"Design", D(std::to_string(year) + "-03-31"), D(std::to_string(year) + "-03-20")},
                        {"Launch", D(std::to_string(year) + "-06-30"), std::nullopt}};
        return w;
    }
    std::int64_t group_ = 0, ann_ = 0, bob_ = 0;
};

TEST_F(WorkProgrammeRepositoryTest, EvidenceRoundTripsWithAndWithoutASurveyReference) {
    PrioritiesRepository repo(*conn_);
    ASSERT_TRUE(repo.CreateEvidence(Evidence(EvidenceKind::kSurveyBelowExpected, {{"RD8", 2018, "Q17"}}), kNow).ok());
    ASSERT_TRUE(repo.CreateEvidence(Evidence(EvidenceKind::kCommentTheme, std::nullopt), kNow).ok());
    auto list = repo.ListEvidence(group_, 2025);
    ASSERT_TRUE(list.ok()) << list.status().ToString();
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].cpes, (partnership::CpesReference{"RD8", 2018, "Q17"}));
    EXPECT_EQ((*list)[0].recorded_on, D("2025-01-15"));
    EXPECT_FALSE((*list)[1].cpes.has_value());
    EXPECT_TRUE(repo.ListEvidence(group_, 2024)->empty());
    EXPECT_TRUE(
        NamesField(repo.CreateEvidence(Evidence(EvidenceKind::kWorseningTrend, std::nullopt), kNow).status(), "cpes"));
}

TEST_F(WorkProgrammeRepositoryTest, PrioritiesKeepTheirEvidenceWhichMustBeTheGroups) {
    PrioritiesRepository repo(*conn_);
    auto evidence = *repo.CreateEvidence(Evidence(EvidenceKind::kSurveyBelowExpected, {{"RD8", 2018, "Q17"}}), kNow);
    auto priority = repo.CreatePriority(Priority("CNS cards", {evidence.id}), kNow);
    ASSERT_TRUE(priority.ok()) << priority.status().ToString();
    auto list = *repo.ListPriorities(group_, 2025);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].evidence_ids, (std::vector<std::int64_t>{evidence.id}));
    EXPECT_EQ(list[0].origin, partnership::PriorityOrigin::kNew);

    const std::int64_t other = MakeGroup("Other");
    CandidatePriority theirs = Priority("Theirs", {evidence.id});
    theirs.group_id = other;
    EXPECT_TRUE(NamesField(repo.CreatePriority(theirs, kNow).status(), "evidence_ids"));
    ASSERT_TRUE(repo.DeleteEvidence(evidence.id).ok());
    EXPECT_TRUE(repo.ListPriorities(group_, 2025)->at(0).evidence_ids.empty());
}

TEST_F(WorkProgrammeRepositoryTest, ABallotReplacesTheVotersEarlierOneAndFeedsTheTally) {
    PrioritiesRepository repo(*conn_);
    auto cards = *repo.CreatePriority(Priority("CNS cards"), kNow);
    auto parking = *repo.CreatePriority(Priority("Parking"), kNow);
    ASSERT_TRUE(repo.CastBallot({0, group_, 2025, ann_, {parking.id, cards.id}}, kNow).ok());
    ASSERT_TRUE(repo.CastBallot({0, group_, 2025, ann_, {cards.id, parking.id}}, kNow + 1).ok());  // changed mind
    ASSERT_TRUE(repo.CastBallot({0, group_, 2025, bob_, {parking.id}}, kNow).ok());
    auto ballots = repo.ListBallots(group_, 2025);
    ASSERT_TRUE(ballots.ok());
    ASSERT_EQ(ballots->size(), 2u);
    EXPECT_EQ((*ballots)[0].person_id, ann_);
    EXPECT_EQ((*ballots)[0].choices, (std::vector<std::int64_t>{cards.id, parking.id}));  // her second thoughts
    EXPECT_EQ((*ballots)[1].person_id, bob_);

    auto people = *PeopleRepository(*conn_).ListByGroup(group_);
    auto priorities = *repo.ListPriorities(group_, 2025);
    auto tally = partnership::TallyVotes(priorities, *ballots, people, partnership::VotingMethod::kRanked);
    ASSERT_TRUE(tally.ok()) << tally.status().ToString();
    // k = 2. Ann (lay): cards 2, parking 1. Bob (professional): parking 2.
    EXPECT_EQ(tally->priorities[0].priority_id, parking.id);
    EXPECT_EQ(tally->priorities[0].total_points, 3);
    EXPECT_EQ(tally->priorities[1].lay_points, 2);
}

TEST_F(WorkProgrammeRepositoryTest, ABallotMustChooseThisYearsCandidatesAndComeFromAMember) {
    PrioritiesRepository repo(*conn_);
    CandidatePriority old = Priority("Last year's");
    old.programme_year = 2024;
    auto last_year = *repo.CreatePriority(old, kNow);
    auto cards = *repo.CreatePriority(Priority("CNS cards"), kNow);
    EXPECT_TRUE(NamesField(repo.CastBallot({0, group_, 2025, ann_, {last_year.id}}, kNow).status(), "choices"));
    const std::int64_t stranger = MakePerson(MakeGroup("Other"), "Stranger");
    EXPECT_TRUE(NamesField(repo.CastBallot({0, group_, 2025, stranger, {cards.id}}, kNow).status(), "person_id"));
    EXPECT_EQ(Count("priority_ballots"), 0);
}

TEST_F(WorkProgrammeRepositoryTest, AWorkItemRoundTripsWithItsMilestones) {
    WorkItemsRepository repo(*conn_);
    auto cards = *PrioritiesRepository(*conn_).CreatePriority(Priority("CNS cards"), kNow);
    WorkItem item = Item("CNS contact cards", WorkItemStatus::kInProgress);
    item.priority_id = cards.id;
    auto created = repo.Create(item, kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = repo.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->priority_id, cards.id);
    EXPECT_EQ(found->owner_person_id, bob_);
    EXPECT_EQ(found->funding_needed, "£300");
    EXPECT_EQ(found->deadline, D("2025-12-31"));
    EXPECT_EQ(found->status, WorkItemStatus::kInProgress);
    EXPECT_EQ(found->milestones, item.milestones);

    found->status = WorkItemStatus::kDone;
    found->milestones[1].done_on = D("2025-06-25");
    ASSERT_TRUE(repo.Update(*found, kNow + 1).ok());
    EXPECT_EQ(repo.Find(created->id)->milestones[1].done_on, D("2025-06-25"));

    // Deleting the priority leaves the work item, no longer linked.
    ASSERT_TRUE(PrioritiesRepository(*conn_).DeletePriority(cards.id).ok());
    EXPECT_FALSE(repo.Find(created->id)->priority_id.has_value());
}

TEST_F(WorkProgrammeRepositoryTest, AMilestoneAfterTheDeadlineIsRefused) {
    WorkItem item = Item("Late", WorkItemStatus::kPlanned);
    item.milestones[1].due_on = D("2026-01-31");
    EXPECT_TRUE(NamesField(WorkItemsRepository(*conn_).Create(item, kNow).status(), "milestones[2].due_on"));
    EXPECT_EQ(Count("work_items"), 0);
}

TEST_F(WorkProgrammeRepositoryTest, TheAnnualReviewIsReplacedAndSeedsNextYearFromStoredWork) {
    WorkItemsRepository repo(*conn_);
    auto unfinished = *repo.Create(Item("CNS cards", WorkItemStatus::kInProgress, 2024), kNow);
    ASSERT_TRUE(repo.Create(Item("Water", WorkItemStatus::kDone, 2024), kNow).ok());
    partnership::AnnualReview review{0, group_, 2024, D("2025-01-20"), {"First try"}};
    ASSERT_TRUE(repo.SaveReview(review, kNow).ok());
    review.findings = {"Support after treatment is the gap", "Few members are in treatment"};
    ASSERT_TRUE(repo.SaveReview(review, kNow + 1).ok());
    EXPECT_EQ(Count("annual_reviews"), 1);
    EXPECT_EQ(Count("annual_review_findings"), 2);
    auto found = repo.FindReview(group_, 2024);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->findings, review.findings);
    EXPECT_FALSE(repo.FindReview(group_, 2023)->has_value());

    auto items = *repo.ListByGroup(group_, 2024);
    const auto drafts = partnership::SeedNextYear(**found, items);
    ASSERT_EQ(drafts.size(), 3u);
    EXPECT_EQ(drafts[0].carried_from_work_item_id, unfinished.id);
    for (const auto& draft : drafts) {
        auto saved = PrioritiesRepository(*conn_).CreatePriority(draft, kNow);
        ASSERT_TRUE(saved.ok()) << saved.status().ToString();
    }
    EXPECT_EQ(PrioritiesRepository(*conn_).ListPriorities(group_, 2025)->size(), 3u);
}

}  // namespace
}  // namespace carevoice::store
