// How page data reaches the templates: escaping, and which values count as false in a section.
#include "web/render/templates.hpp"

#include <gtest/gtest.h>

namespace carevoice::web {
namespace {

std::string RenderOne(const std::string& text, const nlohmann::json& data) {
    auto templates = Templates::Load({{"one.mustache", text}});
    EXPECT_TRUE(templates.ok()) << templates.status().ToString();
    return templates.ok() ? (*templates)->Render("one", data) : "";
}

TEST(TemplatesTest, EmptyTextIsFalseInASectionAndRendersAsNothing) {
    const std::string text = "[{{note}}{{^note}}not known yet{{/note}}{{#note}}!{{/note}}]";
    EXPECT_EQ(RenderOne(text, {{"note", ""}}), "[not known yet]");
    EXPECT_EQ(RenderOne(text, {{"note", "fewer calls"}}), "[fewer calls!]");
    EXPECT_EQ(RenderOne(text, {{"note", nullptr}}), "[not known yet]");
    EXPECT_EQ(RenderOne(text, nlohmann::json::object()), "[not known yet]");
}

TEST(TemplatesTest, TextIsEscapedUnlessTripleBraced) {
    EXPECT_EQ(RenderOne("{{a}}|{{{a}}}", {{"a", "<b>&\"'"}}), "&lt;b&gt;&amp;&quot;&apos;|<b>&\"'");
}

TEST(TemplatesTest, NumbersAndFalseRenderAsExpected) {
    EXPECT_EQ(RenderOne("{{n}}{{#f}}x{{/f}}{{^f}}y{{/f}}", {{"n", 21}, {"f", false}}), "21y");
}

TEST(TemplatesTest, LongDateShowsAnIsoDateTheNhsWayAndLeavesOtherTextEscaped) {
    const std::string text = "{{#rows}}[{{#long_date}}{{on}}{{/long_date}}]{{/rows}}";
    nlohmann::json rows = nlohmann::json::array({{{"on", "2026-07-05"}},
                                                 {{"on", "2024-02-29"}},
                                                 {{"on", "<b>soon</b>"}},
                                                 {{"on", "2026-02-30"}},
                                                 {{"on", ""}}});
    EXPECT_EQ(RenderOne(text, {{"rows", rows}}),
              "[5 July 2026][29 February 2024][&lt;b&gt;soon&lt;/b&gt;][2026-02-30][]");
}

}  // namespace
}  // namespace carevoice::web
