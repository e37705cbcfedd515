#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace carevoice::csv {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text) {
    Reader r(text);
    std::vector<std::vector<std::string>> out;
    while (true) {
        auto more = r.Next();
        EXPECT_TRUE(more.ok()) << more.status().ToString();
        if (!more.ok() || !*more) break;
        out.emplace_back(r.fields().begin(), r.fields().end());
    }
    return out;
}

TEST(CsvReaderTest, ReadsPlainAndQuotedFields) {
    auto rows = ReadAll("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "x, y", "say \"hi\""}));
}

TEST(CsvReaderTest, HandlesCrlfEmptyFieldsAndNoFinalNewline) {
    auto rows = ReadAll("a,,c\r\n,,\r\nlast,row,");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "", "c"}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"last", "row", ""}));
}

TEST(CsvReaderTest, SkipsByteOrderMark) {
    auto rows = ReadAll("\xEF\xBB\xBFlevel,code\n");
    EXPECT_EQ(rows[0][0], "level");
}

TEST(CsvReaderTest, ReportsLineOfRecordAfterMultilineField) {
    Reader r("h\n\"two\nlines\"\nthird\n");
    ASSERT_TRUE(*r.Next());
    ASSERT_TRUE(*r.Next());
    EXPECT_EQ(r.line(), 2u);
    EXPECT_EQ(r.fields()[0], "two\nlines");
    ASSERT_TRUE(*r.Next());
    EXPECT_EQ(r.line(), 4u);
    EXPECT_EQ(r.fields()[0], "third");
}

TEST(CsvReaderTest, UnclosedQuoteNamesTheLine) {
    Reader r("a\nb\n\"oops\n");
    ASSERT_TRUE(*r.Next());
    ASSERT_TRUE(*r.Next());
    auto bad = r.Next();
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.status().message().find("line 3"), std::string::npos);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
    Reader r("\"a\"b,c\n");
    EXPECT_FALSE(r.Next().ok());
}

TEST(CsvReaderTest, ManyQuotedFieldsKeepTheirValues) {
    std::string line;
    for (int i = 0; i < 200; ++i) line += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
    Reader r(line);
    ASSERT_TRUE(*r.Next());
    ASSERT_EQ(r.fields().size(), 200u);
    EXPECT_EQ(r.fields()[0], "0");
    EXPECT_EQ(r.fields()[199], "199");
}

TEST(CsvHeaderTest, NamesEveryMissingColumn) {
    auto h = Header::Parse({"a", "b"}, {"a", "c", "d"});
    ASSERT_FALSE(h.ok());
    ASSERT_EQ(h.status().details().size(), 2u);
    EXPECT_EQ(h.status().details()[0].field, "line 1, column c");
}

TEST(CsvWriterTest, QuotesOnlyWhereNeeded) {
    EXPECT_EQ(Row({"plain", "a,b", "q\"q", ""}), "plain,\"a,b\",\"q\"\"q\",\r\n");
}

// AppendRow writes plain fields as they are and every other one through Escape: a row of each kind.
TEST(CsvWriterTest, AppendRowEscapesAsRowDoes) {
    std::string out = "x\r\n";
    AppendRow(out, {"plain", "=1+1", "-3", "@a,b", "\tTAB", "\"", ""});
    EXPECT_EQ(out, "x\r\nplain,'=1+1,-3,\"'@a,b\",'\tTAB,\"\"\"\",\r\n");
    EXPECT_EQ(Row({"=1+1", "a\nb"}), "'=1+1,\"a\nb\"\r\n");
}

TEST(CsvWriterTest, NeutralisesFormulaButNotNegativeNumbers) {
    EXPECT_EQ(Escape("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(Escape("-1.5"), "-1.5");
    EXPECT_EQ(Escape("@SUM"), "'@SUM");
}

}  // namespace
}  // namespace carevoice::csv
