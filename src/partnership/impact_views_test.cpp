#include "partnership/impact_views.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;

Impact Make(std::int64_t id, std::string title, std::string_view on, ImpactKind kind, std::string organisation,
            InfluenceStrength influence, DecisionDomain domain, InvolvementLevel involvement) {
    Impact i;
    i.id = id;
    i.title = std::move(title);
    i.occurred_on = D(on);
    i.kind = kind;
    i.organisation = std::move(organisation);
    i.influence = influence;
    i.domain = domain;
    i.involvement = involvement;
    return i;
}

std::vector<Impact> Log() {
    using K = ImpactKind;
    using S = InfluenceStrength;
    using Dom = DecisionDomain;
    using L = InvolvementLevel;
    return {
        Make(1, "Results letter rewritten", "2023-03-10", K::kPatientInformation, "MK University Hospital", S::kStrong,
             Dom::kTreatmentAndServices, L::kPartnership),
        Make(2, "Parking concession", "2023-11-02", K::kAccess, " mk university hospital ", S::kSome,
             Dom::kServiceDeliveryAndResources, L::kConsultation),
        Make(3, "Board accepts survivorship plan", "2024-02-20", K::kPlanningCommissioning,
             "Thames Valley Cancer Alliance", S::kSome, Dom::kServiceDeliveryAndResources, L::kPartnership),
        Make(4, "Consultation response", "2024-05-05", K::kPolicyFeedback, "Department of Health", S::kNone,
             Dom::kPolicy, L::kConsultation),
        Make(5, "CNS contact card", "2024-05-20", K::kCommunication, "MK University Hospital", S::kStrong,
             Dom::kTreatmentAndServices, L::kPartnership),
        Make(6, "Hospice leaflet", "2024-05-20", K::kPatientInformation, "Willen Hospice", S::kSome,
             Dom::kTreatmentAndServices, L::kConsultation),
    };
}

std::vector<std::int64_t> Ids(const std::vector<ImpactExample>& examples) {
    std::vector<std::int64_t> ids;
    for (const auto& e : examples) ids.push_back(e.id);
    return ids;
}

TEST(InfluenceMapTest, OrganisationsByLatestStrengthWithCountsAndNewestExamples) {
    const auto map = InfluenceMap(Log());
    ASSERT_EQ(map.size(), 4u);
    EXPECT_EQ(map[0].organisation, "MK University Hospital");  // three records, spelt two ways
    EXPECT_EQ(map[0].strength, InfluenceStrength::kStrong);
    EXPECT_EQ(map[0].strong, 2);
    EXPECT_EQ(map[0].some, 1);
    EXPECT_EQ(Ids(map[0].latest), (std::vector<std::int64_t>{5, 2, 1}));
    EXPECT_EQ(map[1].organisation, "Thames Valley Cancer Alliance");  // some, then by name
    EXPECT_EQ(map[2].organisation, "Willen Hospice");
    EXPECT_EQ(map[3].organisation, "Department of Health");
    EXPECT_EQ(map[3].strength, InfluenceStrength::kNone);
}

TEST(InfluenceMapTest, OneWeakerImpactDoesNotHideStrongerOnes) {
    auto log = Log();
    log.push_back(Make(7, "Letters slipped back", "2024-09-01", ImpactKind::kPatientInformation,
                       "MK University Hospital", InfluenceStrength::kNone, DecisionDomain::kTreatmentAndServices,
                       InvolvementLevel::kConsultation));
    const auto map = InfluenceMap(log, 2);
    ASSERT_EQ(map.size(), 4u);
    EXPECT_EQ(map[0].organisation, "MK University Hospital");  // still strong: two strong impacts
    EXPECT_EQ(map[0].strength, InfluenceStrength::kStrong);
    EXPECT_EQ(map[0].strong, 2);
    EXPECT_EQ(map[0].none, 1);
    EXPECT_EQ(Ids(map[0].latest), (std::vector<std::int64_t>{7, 5}));
}

TEST(InfluenceMapTest, OnlyImpactsInThePeriodCount) {
    auto log = Log();
    log.push_back(Make(7, "Letters slipped back", "2024-09-01", ImpactKind::kPatientInformation,
                       "MK University Hospital", InfluenceStrength::kNone, DecisionDomain::kTreatmentAndServices,
                       InvolvementLevel::kConsultation));
    const auto map = InfluenceMap(log, 2, CivilDate::Parse("2024-05-20").value());
    ASSERT_EQ(map.size(), 2u);  // MK University Hospital (5 and 7) and Willen Hospice (6)
    EXPECT_EQ(map[0].organisation, "MK University Hospital");
    EXPECT_EQ(map[0].strength, InfluenceStrength::kStrong);  // 5, on the first day of the period
    EXPECT_EQ(map[0].strong, 1);
    EXPECT_EQ(map[0].some, 0);
    EXPECT_EQ(map[1].organisation, "Willen Hospice");
    EXPECT_TRUE(InfluenceMap(log, 2, CivilDate::Parse("2025-01-01").value()).empty());
}

TEST(InvolvementMatrixTest, CountsAndNewestTitlesPerDomainAndLevel) {
    const InvolvementMatrix m = BuildInvolvementMatrix(Log());
    const auto& treatment_partnership = m.at(DecisionDomain::kTreatmentAndServices, InvolvementLevel::kPartnership);
    EXPECT_EQ(treatment_partnership.count, 2);
    EXPECT_EQ(Ids(treatment_partnership.examples), (std::vector<std::int64_t>{5, 1}));
    EXPECT_EQ(m.at(DecisionDomain::kTreatmentAndServices, InvolvementLevel::kConsultation).count, 1);
    EXPECT_EQ(m.at(DecisionDomain::kServiceDeliveryAndResources, InvolvementLevel::kConsultation).count, 1);
    EXPECT_EQ(m.at(DecisionDomain::kServiceDeliveryAndResources, InvolvementLevel::kPartnership).count, 1);
    EXPECT_EQ(m.at(DecisionDomain::kPolicy, InvolvementLevel::kConsultation).count, 1);
    EXPECT_EQ(m.at(DecisionDomain::kPolicy, InvolvementLevel::kPartnership).count, 0);
    for (const auto& domain : kDecisionDomains) {
        EXPECT_EQ(m.at(domain.value, InvolvementLevel::kLayControl).count, 0);  // as in the report's Table 4
    }
}

TEST(ImpactByKindOverTimeTest, ByYear) {
    const auto years = ImpactByKindOverTime(Log(), Period::kYear);
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0].label, "2023");
    EXPECT_EQ(years[0].total, 2);
    EXPECT_EQ(years[0].by_kind[static_cast<std::size_t>(ImpactKind::kPatientInformation)], 1);
    EXPECT_EQ(years[0].by_kind[static_cast<std::size_t>(ImpactKind::kAccess)], 1);
    EXPECT_EQ(years[1].label, "2024");
    EXPECT_EQ(years[1].starts_on, D("2024-01-01"));
    EXPECT_EQ(years[1].total, 4);
    EXPECT_EQ(years[1].by_kind[static_cast<std::size_t>(ImpactKind::kPatientInformation)], 1);
    EXPECT_EQ(years[1].by_kind[static_cast<std::size_t>(ImpactKind::kPolicyFeedback)], 1);
}

TEST(ImpactByKindOverTimeTest, ByQuarterIncludingEmptyQuarters) {
    const auto quarters = ImpactByKindOverTime(Log(), Period::kQuarter);
    ASSERT_EQ(quarters.size(), 6u);  // 2023 Q1 to 2024 Q2
    std::vector<int> totals;
    for (const auto& q : quarters) totals.push_back(q.total);
    EXPECT_EQ(totals, (std::vector<int>{1, 0, 0, 1, 1, 3}));
    EXPECT_EQ(quarters[3].label, "2023 Q4");
    EXPECT_EQ(quarters[3].starts_on, D("2023-10-01"));
    EXPECT_EQ(quarters[5].label, "2024 Q2");
}

TEST(ImpactByKindOverTimeTest, NoImpactsNoPeriods) { EXPECT_TRUE(ImpactByKindOverTime({}, Period::kYear).empty()); }

}  // namespace
}  // namespace carevoice::partnership
