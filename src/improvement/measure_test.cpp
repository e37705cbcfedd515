#include "improvement/measure.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace carevoice::improvement {
namespace {

CivilDate D(std::string_view iso) { return *CivilDate::Parse(iso); }

bool Names(const Status& status, std::string_view field) {
    for (const FieldProblem& problem : status.details()) {
        if (problem.field == field) return true;
    }
    return false;
}

Measure Manual() {
    Measure m;
    m.name = "Days from referral to first clinic";
    m.unit = "days";
    m.better = ImprovementDirection::kDecrease;
    return m;
}

TEST(MeasureTest, AManualMeasureNeedsOnlyAName) {
    EXPECT_TRUE(ValidateMeasure(Manual()).ok());
    Measure m = Manual();
    m.name = " ";
    EXPECT_TRUE(Names(ValidateMeasure(m), "name"));
}

TEST(MeasureTest, ASurveyMeasureNamesItsOrganisationAndQuestion) {
    Measure m = Manual();
    m.source = MeasureSource::kCpes;
    const Status missing = ValidateMeasure(m);
    EXPECT_TRUE(Names(missing, "cpes_org_code"));
    EXPECT_TRUE(Names(missing, "cpes_question"));
    m.cpes_org_code = "RD8";
    m.cpes_question = "17";
    EXPECT_TRUE(Names(ValidateMeasure(m), "cpes_question"));
    m.cpes_question = "Q17";
    EXPECT_TRUE(ValidateMeasure(m).ok());
}

TEST(MeasureTest, SurveyFieldsOnAnotherSourceAreRefused) {
    Measure m = Manual();
    m.cpes_question = "Q17";
    EXPECT_TRUE(Names(ValidateMeasure(m), "source"));
}

TEST(MeasureTest, APathwayMeasureNamesItsStandardAndOtherSourcesTakeNoPathwayFields) {
    Measure m = Manual();
    m.source = MeasureSource::kPathway;
    EXPECT_TRUE(Names(ValidateMeasure(m), "pathway_measure"));
    m.pathway_measure = "fds";
    EXPECT_TRUE(ValidateMeasure(m).ok());  // every area
    m.pathway_area = "05W";
    EXPECT_TRUE(ValidateMeasure(m).ok());
    m.source = MeasureSource::kManual;
    EXPECT_TRUE(Names(ValidateMeasure(m), "source"));
}

TEST(MeasureTest, AValueOfAPercentageIsFrom0To100AndNoValueIsInTheFuture) {
    Measure m = Manual();
    m.unit = "%";
    const ValueRule rule = ValueRuleFor(m, D("2026-09-22"));
    EXPECT_TRUE(rule.ValueProblem(150).has_value());
    EXPECT_TRUE(rule.ValueProblem(-0.5).has_value());
    EXPECT_FALSE(rule.ValueProblem(100).has_value());
    EXPECT_FALSE(rule.DateProblem(D("2026-09-22")).has_value());
    EXPECT_TRUE(rule.DateProblem(D("2026-09-23")).has_value());
    m.unit = "days";
    EXPECT_FALSE(ValueRuleFor(m, D("2026-09-22")).ValueProblem(150).has_value());
}

TEST(MeasureTest, TargetMustBeFiniteAndRebaseDatesDistinct) {
    Measure m = Manual();
    m.target = std::numeric_limits<double>::quiet_NaN();
    m.rebases = {{D("2024-04-01"), "new clinic"}, {D("2024-04-01"), ""}};
    const Status s = ValidateMeasure(m);
    EXPECT_TRUE(Names(s, "target"));
    EXPECT_TRUE(Names(s, "rebase_dates"));
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(MeasureTest, ChartOptionsFollowTheMeasure) {
    Measure m = Manual();
    m.target = 14;
    m.rebases = {{D("2024-09-01"), "cards"}, {D("2024-04-01"), "clinic"}};
    const SpcOptions options = SpcOptionsFor(m);
    EXPECT_EQ(options.direction, ImprovementDirection::kDecrease);
    EXPECT_EQ(options.target, 14);
    EXPECT_EQ(options.rebase_dates, (std::vector<CivilDate>{D("2024-04-01"), D("2024-09-01")}));
}

TEST(MeasureTest, ObservationsAreFiniteAndOnePerDate) {
    const std::vector<Observation> good = {{D("2024-01-01"), 3}, {D("2024-02-01"), 4}};
    EXPECT_TRUE(ValidateObservations(good).ok());
    const std::vector<Observation> bad = {{D("2024-01-01"), 3}, {D("2024-01-01"), 4}, {D("2024-02-01"), NAN}};
    const Status s = ValidateObservations(bad);
    EXPECT_TRUE(Names(s, "observations[2024-01-01]"));
    EXPECT_TRUE(Names(s, "observations[2024-02-01]"));
}

TEST(MeasureTest, SourceNamesRoundTrip) {
    for (MeasureSource source :
         {MeasureSource::kManual, MeasureSource::kCsv, MeasureSource::kCpes, MeasureSource::kPathway}) {
        EXPECT_EQ(ParseMeasureSource(MeasureSourceName(source)), source);
    }
    EXPECT_FALSE(ParseMeasureSource("excel").has_value());
    for (auto direction :
         {ImprovementDirection::kIncrease, ImprovementDirection::kDecrease, ImprovementDirection::kNeutral}) {
        EXPECT_EQ(*ParseImprovementDirection(DirectionName(direction)), direction);
    }
}

}  // namespace
}  // namespace carevoice::improvement
