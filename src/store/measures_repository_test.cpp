// Contract: measures, observations and the survey's yearly scores behave the same on SQLite and PostgreSQL.
#include "store/measures_repository.hpp"

#include "improvement/cpes_observations.hpp"
#include "store/cpes_yearly_scores.hpp"
#include "store/organisations_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::store {
namespace {

using improvement::Measure;
using improvement::Observation;
using testing::NamesField;

class MeasuresRepositoryTest : public testing::PartnershipStoreTest {
  protected:
    void SetUp() override {
        PartnershipStoreTest::SetUp();
        group_ = MakeGroup();
    }
    Measure AMeasure() {
        Measure m;
        m.group_id = group_;
        m.name = "Cards given";
        m.unit = "%";
        m.better = improvement::ImprovementDirection::kIncrease;
        m.target = 95;
        m.rebases = {{D("2024-07-01"), "contact cards from July"}};
        return m;
    }
    // A published result row as issue 3's import stores it.
    void Publish(std::int64_t org, int year, const char* kind, const char* question, std::optional<int> n,
                 std::optional<double> score) {
        ASSERT_TRUE(conn_
                        ->Execute("INSERT INTO cpes_results (organisation_id, year, kind, sex, imd_quintile, "
                                  "tumour_group, question, n, score) VALUES (?, ?, ?, 'Both', 'All', 'All Cancers', "
                                  "?, ?, ?)",
                                  {org, static_cast<std::int64_t>(year), std::string(kind), std::string(question),
                                   OrNull(n), OrNull(score)})
                        .ok());
    }
    std::int64_t group_ = 0;
};

TEST_F(MeasuresRepositoryTest, AMeasureRoundTripsWithItsRebaseDates) {
    MeasuresRepository repo(*conn_);
    auto created = repo.Create(AMeasure(), kNow);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto found = repo.Find(created->id);
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    EXPECT_EQ(found->name, "Cards given");
    EXPECT_EQ(found->better, improvement::ImprovementDirection::kIncrease);
    EXPECT_EQ(found->target, 95);
    EXPECT_EQ(found->rebases, (std::vector<improvement::Rebase>{{D("2024-07-01"), "contact cards from July"}}));
    EXPECT_EQ(found->source, improvement::MeasureSource::kManual);
    found->target.reset();
    found->better = improvement::ImprovementDirection::kDecrease;
    found->rebases = {};
    ASSERT_TRUE(repo.Update(*found, kNow + 1).ok());
    auto again = *repo.Find(created->id);
    EXPECT_FALSE(again.target.has_value());
    EXPECT_EQ(again.better, improvement::ImprovementDirection::kDecrease);
    EXPECT_TRUE(again.rebases.empty());
    improvement::Measure fed = AMeasure();
    fed.source = improvement::MeasureSource::kPathway;
    fed.pathway_measure = "fds";
    fed.pathway_area = "05W";
    auto pathway = repo.Create(fed, kNow);
    ASSERT_TRUE(pathway.ok()) << pathway.status().ToString();
    auto read = *repo.Find(pathway->id);
    EXPECT_EQ(read.source, improvement::MeasureSource::kPathway);
    EXPECT_EQ(read.pathway_measure, "fds");
    EXPECT_EQ(read.pathway_area, "05W");
}

TEST_F(MeasuresRepositoryTest, ObservationsAreReplacedOrSetOneByOneAndChartOldestFirst) {
    MeasuresRepository repo(*conn_);
    auto measure = *repo.Create(AMeasure(), kNow);
    std::vector<Observation> monthly;
    for (int month = 1; month <= 12; ++month) {
        monthly.push_back({*CivilDate::FromYmd(2024, month, 1), 60.0 + month % 3});
    }
    ASSERT_TRUE(repo.ReplaceObservations(measure.id, monthly).ok());
    ASSERT_TRUE(repo.SetObservation(measure.id, {D("2023-12-01"), 55.5}).ok());
    ASSERT_TRUE(repo.SetObservation(measure.id, {D("2024-01-01"), 70}).ok());  // changes January
    auto stored = repo.Observations(measure.id);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->size(), 13u);
    EXPECT_EQ((*stored)[0], (Observation{D("2023-12-01"), 55.5}));
    EXPECT_EQ((*stored)[1], (Observation{D("2024-01-01"), 70}));
    auto chart = improvement::ComputeXmrChart(*stored, improvement::SpcOptionsFor(measure));
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    EXPECT_EQ(chart->segments.size(), 2u);  // rebased on 2024-07-01
}

TEST_F(MeasuresRepositoryTest, InvalidMeasuresAndObservationsAreRefused) {
    MeasuresRepository repo(*conn_);
    Measure survey = AMeasure();
    survey.source = improvement::MeasureSource::kCpes;
    EXPECT_TRUE(NamesField(repo.Create(survey, kNow).status(), "cpes_question"));
    auto measure = *repo.Create(AMeasure(), kNow);
    const std::vector<Observation> twice = {{D("2024-01-01"), 1}, {D("2024-01-01"), 2}};
    EXPECT_TRUE(NamesField(repo.ReplaceObservations(measure.id, twice), "observations[2024-01-01]"));
    EXPECT_EQ(repo.SetObservation(999, {D("2024-01-01"), 1}).code(), StatusCode::kNotFound);
    partnership::WorkItem other_groups;
    other_groups.group_id = MakeGroup("Other");
    other_groups.programme_year = 2024;
    other_groups.title = "Theirs";
    other_groups.smart_aim = "Theirs";
    other_groups.deadline = D("2024-12-31");
    Measure theirs = AMeasure();
    theirs.work_item_id = WorkItemsRepository(*conn_).Create(other_groups, kNow)->id;
    EXPECT_TRUE(NamesField(repo.Create(theirs, kNow).status(), "work_item_id"));
    EXPECT_EQ(Count("measures"), 1);
}

TEST_F(MeasuresRepositoryTest, ACorrectionKeepsTheOldValueAndTheReason) {
    MeasuresRepository repo(*conn_);
    auto measure = *repo.Create(AMeasure(), kNow);
    const std::vector<Observation> two = {{D("2024-01-01"), 150}, {D("2024-02-01"), 62}};
    ASSERT_TRUE(repo.ReplaceObservations(measure.id, two).ok());
    auto changed = repo.CorrectObservation(measure.id, D("2024-01-01"), 15, "typed 150 for 15", "facilitator", kNow);
    ASSERT_TRUE(changed.ok()) << changed.status().ToString();
    ASSERT_TRUE(
        repo.CorrectObservation(measure.id, D("2024-02-01"), std::nullopt, "counted twice", "chair", kNow + 1).ok());
    EXPECT_EQ(*repo.Observations(measure.id), (std::vector<Observation>{{D("2024-01-01"), 15}}));
    auto changes = *repo.ListChanges(measure.id);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].date, D("2024-02-01"));  // newest first
    EXPECT_FALSE(changes[0].new_value.has_value());
    EXPECT_EQ(changes[0].reason, "counted twice");
    EXPECT_EQ(changes[1].old_value, 150);
    EXPECT_EQ(changes[1].new_value, 15);
    EXPECT_EQ(changes[1].changed_by, "facilitator");
    // No value on that date: nothing written.
    EXPECT_EQ(repo.CorrectObservation(measure.id, D("2024-03-01"), 1, "x", "chair", kNow).status().code(),
              StatusCode::kNotFound);
    EXPECT_EQ(Count("measure_value_changes"), 2);
}

TEST_F(MeasuresRepositoryTest, DeletingAMeasureDeletesItsObservations) {
    MeasuresRepository repo(*conn_);
    auto measure = *repo.Create(AMeasure(), kNow);
    const std::vector<Observation> two = {{D("2024-01-01"), 1}, {D("2024-02-01"), 2}};
    ASSERT_TRUE(repo.ReplaceObservations(measure.id, two).ok());
    ASSERT_TRUE(repo.Delete(measure.id).ok());
    EXPECT_EQ(Count("measure_observations"), 0);
    EXPECT_EQ(Count("measure_rebase_dates"), 0);
}

TEST_F(MeasuresRepositoryTest, TheSurveysYearlyScoresBecomeObservations) {
    auto trust = *OrganisationsRepository(*conn_).Upsert({0, "RD8", "Milton Keynes", "trust", std::nullopt}, kNow);
    // RD8's published Q17, year on year; one suppressed year invented for the test; and rows that must not count.
    Publish(trust.id, 2015, "yearonyear", "Q17", 257, 85);
    Publish(trust.id, 2016, "yearonyear", "Q17", 296, 83);
    Publish(trust.id, 2017, "yearonyear", "Q17", 12, std::nullopt);
    Publish(trust.id, 2018, "yearonyear", "Q17", 315, 81);
    Publish(trust.id, 2018, "adjusted", "Q17", 315, 82);
    Publish(trust.id, 2018, "yearonyear", "Q59", 328, 8.52);

    auto scores = CpesYearlyScores(*conn_, "RD8", "Q17");
    ASSERT_TRUE(scores.ok()) << scores.status().ToString();
    ASSERT_EQ(scores->size(), 4u);
    EXPECT_EQ((*scores)[2].year, 2017);
    EXPECT_FALSE((*scores)[2].score.has_value());
    auto observations = improvement::ObservationsFromCpes(*scores);
    ASSERT_TRUE(observations.ok());
    EXPECT_EQ(*observations,
              (std::vector<Observation>{{D("2015-07-01"), 85}, {D("2016-07-01"), 83}, {D("2018-07-01"), 81}}));
    EXPECT_TRUE(CpesYearlyScores(*conn_, "ZZZ", "Q17")->empty());

    auto items = CpesItemScores(*conn_, "RD8", 2018, {"Q59", "Q17", "Q1"});
    ASSERT_TRUE(items.ok()) << items.status().ToString();
    ASSERT_EQ(items->size(), 2u);  // Q1 has no result
    EXPECT_EQ((*items)[0].question, "Q59");
    EXPECT_FALSE((*items)[0].is_percentage);
    EXPECT_EQ((*items)[1].question, "Q17");
    EXPECT_EQ((*items)[1].n, 315);
    EXPECT_DOUBLE_EQ((*items)[1].score, 81);
    EXPECT_TRUE((*items)[1].is_percentage);
}

}  // namespace
}  // namespace carevoice::store
