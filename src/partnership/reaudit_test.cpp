#include "partnership/reaudit.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;

constexpr ItemRating kPass = ItemRating::kPass;
constexpr ItemRating kQualified = ItemRating::kQualifiedPass;
constexpr ItemRating kFail = ItemRating::kFail;
constexpr ItemRating kNa = ItemRating::kNotApplicable;

EnvironmentalAudit Audit(std::int64_t id, std::string site, std::string_view on, std::vector<RatedItem> ratings) {
    EnvironmentalAudit a;
    a.id = id;
    a.site = std::move(site);
    a.audited_on = D(on);
    a.template_key = std::string(kPlaceOutpatientKey);
    a.team = {1};
    a.ratings = std::move(ratings);
    return a;
}

// The first audit as in environmental_audit_test.cpp: 62.5 / 100 / 50 / none / none / 90, overall 14.5 / 19.
EnvironmentalAudit Before() {
    return Audit(1, "Oncology outpatients", "2024-03-12", {{"E1", kPass, ""},      {"E2", kQualified, "small"},
                                                           {"E3", kPass, ""},      {"E4", kFail, "far"},
                                                           {"E5", kNa, ""},        {"R1", kPass, ""},
                                                           {"R2", kPass, ""},      {"R3", kPass, ""},
                                                           {"R4", kPass, ""},      {"R5", kPass, ""},
                                                           {"W1", kPass, ""},      {"W2", kPass, ""},
                                                           {"W3", kFail, "none"},  {"W4", kFail, "broken"},
                                                           {"W5", kQualified, ""}, {"T1", kNa, ""},
                                                           {"T2", kNa, ""},        {"T3", kNa, ""},
                                                           {"T4", kNa, ""},        {"I1", kPass, ""},
                                                           {"I2", kPass, ""},      {"I3", kQualified, ""},
                                                           {"I4", kPass, ""},      {"I5", kPass, ""}});
}

// The re-audit: E4 now a qualified pass, E2 a pass (3.5 / 4 = 87.5%); the hearing loop fails (4 / 5 = 80%);
// the waiting area passes throughout (6 / 6 = 100%); one toilet item is applicable and passes (100%);
// information as before (90%). Overall 18 pass, 2 qualified, 1 fail: 19 / 21.
EnvironmentalAudit After() {
    return Audit(2, "Oncology outpatients", "2024-09-10",
                 {{"E1", kPass, ""}, {"E2", kPass, ""},     {"E3", kPass, ""},      {"E4", kQualified, "still far"},
                  {"E5", kNa, ""},   {"R1", kPass, ""},     {"R2", kPass, ""},      {"R3", kPass, ""},
                  {"R4", kPass, ""}, {"R5", kFail, "loop"}, {"W1", kPass, ""},      {"W2", kPass, ""},
                  {"W3", kPass, ""}, {"W4", kPass, ""},     {"W5", kPass, ""},      {"W6", kPass, ""},
                  {"T1", kPass, ""}, {"T2", kNa, ""},       {"T3", kNa, ""},        {"T4", kNa, ""},
                  {"I1", kPass, ""}, {"I2", kPass, ""},     {"I3", kQualified, ""}, {"I4", kPass, ""},
                  {"I5", kPass, ""}});
}

TEST(ReauditTest, ComparesEachAreasPercentage) {
    auto comparison = CompareAudits(Before(), After(), PlaceOutpatientTemplate());
    ASSERT_TRUE(comparison.ok()) << comparison.status().ToString();
    const auto& areas = comparison->areas;
    ASSERT_EQ(areas.size(), 6u);
    EXPECT_DOUBLE_EQ(*areas[0].previous_percent, 62.5);
    EXPECT_DOUBLE_EQ(*areas[0].current_percent, 87.5);
    EXPECT_DOUBLE_EQ(*areas[0].change, 25.0);
    EXPECT_DOUBLE_EQ(*areas[1].change, -20.0);
    EXPECT_DOUBLE_EQ(*areas[2].change, 50.0);
    EXPECT_FALSE(areas[3].previous_percent.has_value());  // toilets: nothing applicable before
    EXPECT_DOUBLE_EQ(*areas[3].current_percent, 100.0);
    EXPECT_FALSE(areas[3].change.has_value());
    EXPECT_FALSE(areas[4].current_percent.has_value());
    EXPECT_DOUBLE_EQ(*areas[5].change, 0.0);
    EXPECT_DOUBLE_EQ(*comparison->overall.change, 100.0 * 19 / 21 - 100.0 * 14.5 / 19);
    EXPECT_EQ(comparison->previous_id, 1);
    EXPECT_EQ(comparison->current_id, 2);
}

TEST(ReauditTest, ListsItemsThatWentFromFailToPassAndBack) {
    auto comparison = CompareAudits(Before(), After(), PlaceOutpatientTemplate());
    ASSERT_TRUE(comparison.ok());
    std::vector<std::string> passing;
    for (const auto& item : comparison->now_passing) passing.push_back(item.item_code);
    EXPECT_EQ(passing, (std::vector<std::string>{"E4", "W3", "W4"}));
    EXPECT_EQ(comparison->now_passing[0].after, ItemRating::kQualifiedPass);
    ASSERT_EQ(comparison->now_failing.size(), 1u);
    EXPECT_EQ(comparison->now_failing[0].item_code, "R5");
    EXPECT_EQ(comparison->now_failing[0].area, "Reception");
    EXPECT_EQ(comparison->now_failing[0].before, ItemRating::kPass);
}

TEST(ReauditTest, TheEarlierAuditMustComeFirstAndShareTheChecklist) {
    EXPECT_FALSE(CompareAudits(After(), Before(), PlaceOutpatientTemplate()).ok());
    EnvironmentalAudit other = After();
    other.template_key = "place_ward_v1";
    EXPECT_EQ(CompareAudits(Before(), other, PlaceOutpatientTemplate()).status().code(), StatusCode::kInvalidArgument);
}

TEST(ReauditTest, ThePreviousAuditIsTheLatestEarlierOneOfTheSameSite) {
    const std::vector<EnvironmentalAudit> audits = {
        Audit(1, "Oncology outpatients", "2023-09-01", {}), Audit(2, " oncology OUTPATIENTS ", "2024-03-12", {}),
        Audit(3, "Haematology day unit", "2024-05-01", {}), Audit(4, "Oncology outpatients", "2024-09-10", {})};
    EXPECT_EQ(PreviousAuditIndex(audits, audits[3]), 1u);
    EXPECT_EQ(PreviousAuditIndex(audits, audits[1]), 0u);
    EXPECT_FALSE(PreviousAuditIndex(audits, audits[0]).has_value());
    EXPECT_FALSE(PreviousAuditIndex(audits, audits[2]).has_value());
}

}  // namespace
}  // namespace carevoice::partnership
