// Spreadsheet formula injection (issue 8): values a spreadsheet would read as a formula are neutralised,
// including those that start with TAB or CR, which spreadsheets skip before looking for one.
#include <gtest/gtest.h>

#include "core/csv.hpp"

namespace carevoice::csv {
namespace {

TEST(FormulaGuardTest, ValueStartingWithTabIsPrefixed) {
    EXPECT_EQ(NeutraliseFormula("\t=1+2"), "'\t=1+2");
    EXPECT_EQ(Escape("\t=HYPERLINK(\"http://x\")"), "\"'\t=HYPERLINK(\"\"http://x\"\")\"");
}

TEST(FormulaGuardTest, TabBeforeANumberIsPrefixedToo) {
    // strtod reads "\t5" as a number; a spreadsheet importing the field would not see a number either.
    EXPECT_EQ(Escape("\t5"), "'\t5");
}

TEST(FormulaGuardTest, ValueStartingWithCarriageReturnIsPrefixedAndQuoted) {
    EXPECT_EQ(NeutraliseFormula("\r=1+2"), "'\r=1+2");
    EXPECT_EQ(Escape("\r=1+2"), "\"'\r=1+2\"");
}

TEST(FormulaGuardTest, FormulaStartsAndNumbersAsBefore) {
    EXPECT_EQ(NeutraliseFormula("=1+2"), "'=1+2");
    EXPECT_EQ(NeutraliseFormula("+1+2"), "'+1+2");
    EXPECT_EQ(NeutraliseFormula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(NeutraliseFormula("-1.5"), "-1.5");
    EXPECT_EQ(NeutraliseFormula("a\t=b"), "a\t=b");  // only the first character matters
    EXPECT_EQ(NeutraliseFormula(""), "");
}

}  // namespace
}  // namespace carevoice::csv
