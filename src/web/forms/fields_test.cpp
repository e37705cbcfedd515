// The problems a domain validator names, as a form's error summary shows them: each one a sentence that
// names its field, and the form's own words kept where it has them.
#include "web/forms/fields.hpp"

#include <gtest/gtest.h>

namespace carevoice::web::forms {
namespace {

TEST(FieldsTest, AProblemOfTheDomainNamesItsFieldInWords) {
    EXPECT_EQ(NamingTheField({"name", "is required"}).problem, "Name is required");
    EXPECT_EQ(NamingTheField({"you_said", "is required"}).problem, "You said is required");
    EXPECT_EQ(NamingTheField({"training[2].course", "is required"}).problem, "Training 2 course is required");
    EXPECT_EQ(NamingTheField({"training[2].course", "is required"}).field, "training[2].course");
}

TEST(FieldsTest, AProblemWithoutAFieldIsLeftAsItIs) {
    EXPECT_EQ(NamingTheField({"", "the record is not valid"}).problem, "the record is not valid");
}

TEST(FieldsTest, ValidationAddsOnlyFieldsTheFormHasNotNamed) {
    std::vector<FieldProblem> problems = {{"left_on", "The date they left must be a real date"}};
    const Status valid = Status::InvalidArgument(
        "the person is not valid", {{"name", "is required"}, {"left_on", "must be after joined_on (2020-01-01)"}});
    AddValidation(problems, valid, "name");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].problem, "The date they left must be a real date");
    EXPECT_EQ(problems[1].field, "name");
    EXPECT_EQ(problems[1].problem, "Name is required");
}

TEST(FieldsTest, ValidationThatNamesNoFieldIsShownAgainstTheFallback) {
    std::vector<FieldProblem> problems;
    AddValidation(problems, Status::InvalidArgument("the record cannot be saved"), "title");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "title");
    EXPECT_EQ(problems[0].problem, "the record cannot be saved");
}

}  // namespace
}  // namespace carevoice::web::forms
