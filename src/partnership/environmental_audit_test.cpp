#include "partnership/environmental_audit.hpp"

#include <gtest/gtest.h>

#include <set>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::Member;
using testing::NamesField;

constexpr ItemRating kPass = ItemRating::kPass;
constexpr ItemRating kQualified = ItemRating::kQualifiedPass;
constexpr ItemRating kFail = ItemRating::kFail;
constexpr ItemRating kNa = ItemRating::kNotApplicable;

// The worked example, on the PLACE-style outpatient checklist (30 items):
//   Entrance  E1 pass, E2 qualified, E3 pass, E4 fail, E5 n/a  -> (2 + 0.5) / 4 = 62.5%
//   Reception R1–R5 pass                                        -> 100%
//   Waiting   W1 W2 pass, W3 W4 fail, W5 qualified, W6 unrated  -> (2 + 0.5) / 5 = 50%
//   Toilets   T1–T4 n/a                                         -> no score
//   Consulting rooms not rated                                  -> no score
//   Information I1 I2 I4 I5 pass, I3 qualified                  -> (4 + 0.5) / 5 = 90%
//   Overall: 13 pass, 3 qualified, 3 fail                       -> 14.5 / 19 = 76.3158%
EnvironmentalAudit FirstAudit() {
    EnvironmentalAudit a;
    a.id = 1;
    a.group_id = 4;
    a.site = "Oncology outpatients";
    a.organisation_code = "RD8";
    a.audited_on = D("2024-03-12");
    a.template_key = std::string(kPlaceOutpatientKey);
    a.team = {1, 2, 3, 99};
    a.ratings = {{"E1", kPass, ""},
                 {"E2", kQualified, "Signs are small"},
                 {"E3", kPass, ""},
                 {"E4", kFail, "Blue badge bays are 200 m away"},
                 {"E5", kNa, ""},
                 {"R1", kPass, ""},
                 {"R2", kPass, ""},
                 {"R3", kPass, ""},
                 {"R4", kPass, ""},
                 {"R5", kPass, ""},
                 {"W1", kPass, ""},
                 {"W2", kPass, ""},
                 {"W3", kFail, "No water cooler"},
                 {"W4", kFail, "The screen is broken"},
                 {"W5", kQualified, "Cold in the mornings"},
                 {"T1", kNa, ""},
                 {"T2", kNa, ""},
                 {"T3", kNa, ""},
                 {"T4", kNa, ""},
                 {"I1", kPass, ""},
                 {"I2", kPass, ""},
                 {"I3", kQualified, "Only on request"},
                 {"I4", kPass, ""},
                 {"I5", kPass, ""}};
    return a;
}

TEST(EnvironmentalAuditTest, TheWorkedExampleIsValid) {
    EXPECT_TRUE(ValidateEnvironmentalAudit(FirstAudit(), PlaceOutpatientTemplate()).ok());
}

TEST(EnvironmentalAuditTest, AreaScoresCountAQualifiedPassAsHalfAndLeaveOutNotApplicable) {
    const AuditScore score = ScoreAudit(FirstAudit(), PlaceOutpatientTemplate());
    ASSERT_EQ(score.areas.size(), 6u);
    EXPECT_EQ(score.areas[0].area, "Entrance and signage");
    EXPECT_DOUBLE_EQ(*score.areas[0].percent, 62.5);
    EXPECT_EQ(score.areas[0].not_applicable, 1);
    EXPECT_DOUBLE_EQ(*score.areas[1].percent, 100.0);
    EXPECT_DOUBLE_EQ(*score.areas[2].percent, 50.0);
    EXPECT_EQ(score.areas[2].not_rated, 1);
    EXPECT_FALSE(score.areas[3].percent.has_value());  // every toilet item not applicable
    EXPECT_EQ(score.areas[4].not_rated, 5);
    EXPECT_FALSE(score.areas[4].percent.has_value());
    EXPECT_DOUBLE_EQ(*score.areas[5].percent, 90.0);
    EXPECT_EQ(score.overall.pass, 13);
    EXPECT_EQ(score.overall.qualified_pass, 3);
    EXPECT_EQ(score.overall.fail, 3);
    EXPECT_EQ(score.overall.not_applicable, 5);
    EXPECT_EQ(score.overall.not_rated, 6);
    EXPECT_DOUBLE_EQ(*score.overall.percent, 100.0 * 14.5 / 19);
}

TEST(EnvironmentalAuditTest, AFailWithoutAReasonIsRefused) {
    EnvironmentalAudit a = FirstAudit();
    a.ratings[12].comment = "  ";  // W3
    const Status s = ValidateEnvironmentalAudit(a, PlaceOutpatientTemplate());
    EXPECT_TRUE(NamesField(s, "ratings[W3].reason"));
    EXPECT_NE(s.message().find("ratings[W3].reason is required for a fail"), std::string::npos) << s.message();
}

TEST(EnvironmentalAuditTest, UnknownOrRepeatedItemsAndAMissingTeamAreNamed) {
    EnvironmentalAudit a = FirstAudit();
    a.ratings.push_back({"Z9", kPass, ""});
    a.ratings.push_back({"R1", kPass, ""});
    a.team = {};
    a.site = "";
    a.template_key = "place_ward_v1";
    const Status s = ValidateEnvironmentalAudit(a, PlaceOutpatientTemplate());
    EXPECT_TRUE(NamesField(s, "ratings[Z9]"));
    EXPECT_TRUE(NamesField(s, "ratings[R1]"));
    EXPECT_TRUE(NamesField(s, "team"));
    EXPECT_TRUE(NamesField(s, "site"));
    EXPECT_TRUE(NamesField(s, "template_key"));
}

TEST(EnvironmentalAuditTest, LayShareIsUsersOverTheWholeTeam) {
    const std::vector<Person> people = {Member(1, "Ann", MemberType::kPatient), Member(2, "Bea", MemberType::kCarer),
                                        Member(3, "Cal", MemberType::kProfessional)};
    EXPECT_DOUBLE_EQ(*LayAuditorShare(FirstAudit(), people), 0.5);  // Ann and Bea of 4 (99 is unknown)
    EnvironmentalAudit empty = FirstAudit();
    empty.team.clear();
    EXPECT_FALSE(LayAuditorShare(empty, people).has_value());
}

TEST(EnvironmentalAuditTest, EachFailBecomesAnOpenActionForTheGroup) {
    const auto drafts = ActionDraftsFromFails(FirstAudit(), PlaceOutpatientTemplate(), D("2024-06-30"));
    ASSERT_EQ(drafts.size(), 3u);  // E4, W3, W4
    EXPECT_EQ(drafts[0].description,
              "Entrance and signage \xE2\x80\x94 Disabled parking and a drop-off point are close to the entrance: Blue "
              "badge bays are 200 m away (environmental audit of Oncology outpatients, 2024-03-12)");
    EXPECT_EQ(drafts[0].group_id, 4);
    EXPECT_EQ(drafts[0].audit_id, 1);
    EXPECT_EQ(drafts[0].due_on, D("2024-06-30"));
    EXPECT_EQ(drafts[0].status, ActionStatus::kOpen);
    EXPECT_FALSE(drafts[0].owner_person_id.has_value());
    EXPECT_NE(drafts[1].description.find("Drinking water is available: No water cooler"), std::string::npos);
    EXPECT_NE(drafts[2].description.find("Waiting times are shown"), std::string::npos);
}

TEST(ChecklistTest, ThePlaceOutpatientTemplateHasSixAreasOfFourToSixItems) {
    const ChecklistTemplate& t = PlaceOutpatientTemplate();
    ASSERT_EQ(t.areas.size(), 6u);
    std::set<std::string> codes;
    for (const auto& area : t.areas) {
        EXPECT_GE(area.items.size(), 4u) << area.name;
        EXPECT_LE(area.items.size(), 6u) << area.name;
        for (const auto& item : area.items) EXPECT_TRUE(codes.insert(item.code).second) << item.code;
    }
    EXPECT_EQ(codes.size(), 30u);
    EXPECT_EQ(FindChecklistTemplate(kPlaceOutpatientKey), &t);
    EXPECT_EQ(FindChecklistTemplate("nope"), nullptr);
}

}  // namespace
}  // namespace carevoice::partnership
