// The one NHS.UK date input every form uses: what each way of filling the three boxes gives.
#include "web/forms/date_input.hpp"

#include <gtest/gtest.h>

namespace carevoice::web::forms {
namespace {

std::optional<CivilDate> Parse(const DateInput& input, bool required, std::vector<FieldProblem>& problems) {
    return ParseDateInput(input, "The date of the meeting", required, problems);
}

TEST(DateInputTest, EmptyRequiredDateAsksForTheDateOfTheMeeting) {
    std::vector<FieldProblem> problems;
    EXPECT_FALSE(Parse({"held_on", "", "", ""}, true, problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "held_on");
    EXPECT_EQ(problems[0].problem, "Enter the date of the meeting");
}

TEST(DateInputTest, EmptyOptionalDateIsNoDateAndNoProblem) {
    std::vector<FieldProblem> problems;
    EXPECT_FALSE(Parse({"due_on", "", "", ""}, false, problems));
    EXPECT_TRUE(problems.empty());
}

TEST(DateInputTest, ARealDateIsThatDate) {
    std::vector<FieldProblem> problems;
    auto date = Parse({"held_on", "29", "2", "2028"}, true, problems);
    ASSERT_TRUE(date);
    EXPECT_EQ(date->ToString(), "2028-02-29");
    EXPECT_TRUE(problems.empty());
}

TEST(DateInputTest, AMissingPartSaysWhichPartsADateNeeds) {
    std::vector<FieldProblem> problems;
    EXPECT_FALSE(Parse({"held_on", "14", "", "2026"}, true, problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].problem, "The date of the meeting must include a day, a month and a year");
}

TEST(DateInputTest, ImpossibleOrMalformedDatesAreRefusedNamingTheField) {
    for (const DateInput& typed : {DateInput{"held_on", "30", "2", "2026"}, DateInput{"held_on", "x", "3", "2026"},
                                   DateInput{"held_on", "1", "13", "2026"}, DateInput{"held_on", "1", "3", "26"},
                                   DateInput{"held_on", "1", "3", "99999999999999999999"}}) {
        std::vector<FieldProblem> problems;
        EXPECT_FALSE(Parse(typed, true, problems)) << typed.day << "/" << typed.month << "/" << typed.year;
        ASSERT_EQ(problems.size(), 1u);
        EXPECT_EQ(problems[0].field, "held_on");
        EXPECT_EQ(problems[0].problem, "The date of the meeting must be a real date, for example 14 3 2026");
    }
}

TEST(DateInputTest, TemplateDataCarriesWhatWasTypedAndTheFieldsOwnError) {
    const DateInput typed{"held_on", "31", "4", "2026"};
    std::vector<FieldProblem> problems = {{"other", "not this one"}};
    Parse(typed, true, problems);
    const auto data = DateFieldData(typed, "Date of the meeting", "", problems);
    EXPECT_EQ(data["name"], "held_on");
    EXPECT_EQ(data["day"], "31");
    EXPECT_EQ(data["has_error"], true);
    EXPECT_EQ(data["error"], "The date of the meeting must be a real date, for example 14 3 2026");
    EXPECT_EQ(data["hint"], "For example, 14 3 2026");
    EXPECT_EQ(DateFieldId("held_on"), "held_on-day");
}

TEST(DateInputTest, AKnownDateFillsTheBoxes) {
    const auto filled = DateInputOf("held_on", CivilDate::FromYmd(2026, 7, 5).value());
    EXPECT_EQ(filled.day, "5");
    EXPECT_EQ(filled.month, "7");
    EXPECT_EQ(filled.year, "2026");
    EXPECT_TRUE(DateInputOf("held_on", std::nullopt).empty());
}

}  // namespace
}  // namespace carevoice::web::forms
