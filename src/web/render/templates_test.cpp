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

// A kept fragment goes where its slot is, escaped slot or not, once, and nothing a person typed (even a
// marker of another start-up) is taken for a slot.
TEST(TemplatesTest, SlotsPutKeptHtmlWhereTheirMarkersAre) {
    auto templates = Templates::Load({{"page.mustache", "<p>{{note}}</p>{{{rows}}}<p>{{{chart}}}</p>{{escaped}}"}});
    ASSERT_TRUE(templates.ok());
    auto other = Templates::Load({{"page.mustache", ""}});
    ASSERT_TRUE(other.ok());
    const Templates& t = **templates;
    EXPECT_NE(t.SlotMarker(0), t.SlotMarker(1));
    EXPECT_NE(t.SlotMarker(0), (*other)->SlotMarker(0));  // random per start-up: not guessable from a build
    EXPECT_EQ(t.SlotMarker(10).find(t.SlotMarker(1)), std::string::npos);  // no marker starts another
    const std::vector<Templates::Slot> slots = {
        {"chart", std::make_shared<const std::string>("<svg></svg>")},
        {"rows", std::make_shared<const std::string>("<table><tr><td>1</td></tr></table>")},
        {"escaped", std::make_shared<const std::string>("<i>kept</i>")},
    };
    const std::vector<std::string> markers = {t.SlotMarker(0), t.SlotMarker(1), t.SlotMarker(2)};
    const std::string typed = (*other)->SlotMarker(1) + " " + t.SlotMarker(0).substr(0, 20);
    const std::string rendered =
        t.Render("page", {{"note", typed}, {"chart", markers[0]}, {"rows", markers[1]}, {"escaped", markers[2]}});
    EXPECT_EQ(t.Splice(rendered, slots),
              "<p>" + typed + "</p><table><tr><td>1</td></tr></table><p><svg></svg></p><i>kept</i>");
}

TEST(TemplatesTest, ASlotWithoutItsMarkerIsLeftOut) {
    auto templates = Templates::Load({{"page.mustache", "<p>{{{rows}}}</p>"}});
    ASSERT_TRUE(templates.ok());
    const Templates& t = **templates;
    const std::vector<Templates::Slot> slots = {{"rows", std::make_shared<const std::string>("<b>x</b>")},
                                                {"chart", std::make_shared<const std::string>("<svg/>")}};
    EXPECT_EQ(t.Splice(t.Render("page", {{"rows", t.SlotMarker(0)}}), slots), "<p><b>x</b></p>");
    EXPECT_EQ(t.Splice("<p></p>", slots), "<p></p>");
}

}  // namespace
}  // namespace carevoice::web
