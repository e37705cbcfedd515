// The XLSX writer's formula guard (issue 8): text that a spreadsheet would turn into a formula once the
// cell is edited or the sheet saved as CSV gets the same leading apostrophe as carevoice's CSV files,
// including text that starts with TAB or CR.
#include "web/render/xlsx.hpp"

#include <gtest/gtest.h>

#include "web/testing/payloads.hpp"

namespace carevoice::web::xlsx {
namespace {

// The shared strings of a one-sheet workbook holding `texts` in its first column.
std::string SharedStringsOf(const std::vector<std::string>& texts) {
    Sheet sheet{"Guard", {"value"}, {}, {}};
    for (const auto& t : texts) sheet.rows.push_back({Cell(t)});
    auto book = Workbook({sheet});
    EXPECT_TRUE(book.ok()) << book.status().ToString();
    if (!book.ok()) return "";
    return testing::Unzip(*book)["xl/sharedStrings.xml"];
}

TEST(XlsxFormulaGuardTest, TextStartingWithTabGetsAnApostrophe) {
    const std::string xml = SharedStringsOf({"\t=HYPERLINK(\"http://x\")"});
    EXPECT_NE(xml.find("<t>'\t=HYPERLINK("), std::string::npos) << xml;
}

TEST(XlsxFormulaGuardTest, TextStartingWithCarriageReturnGetsAnApostrophe) {
    const std::string xml = SharedStringsOf({"\r=1+2"});
    // XML keeps a CR only escaped; libxlsxwriter writes it as _x000D_.
    EXPECT_NE(xml.find("<t>'_x000D_=1+2</t>"), std::string::npos) << xml;
}

TEST(XlsxFormulaGuardTest, FormulaStartsGetAnApostropheAndOtherTextIsAsGiven) {
    const std::string xml = SharedStringsOf({"=2+3 Test Trust", "@SUM(A1)", "+44 1234", "-1.5", "Fewer than 21"});
    EXPECT_NE(xml.find("<t>'=2+3 Test Trust</t>"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<t>'@SUM(A1)</t>"), std::string::npos);
    EXPECT_NE(xml.find("<t>'+44 1234</t>"), std::string::npos);
    EXPECT_NE(xml.find("<t>-1.5</t>"), std::string::npos);
    EXPECT_NE(xml.find("<t>Fewer than 21</t>"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::web::xlsx
