// Minutes and other Markdown written by people become safe HTML: CommonMark kept, raw HTML and script
// links dropped, text escaped (web/render/markdown.hpp).
#include "web/render/markdown.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/text.hpp"
#include "web/testing/responses.hpp"

namespace carevoice::web::testing {
namespace {

// ---------------------------------------------------------------------------------------------
// Markdown, on its own

TEST(MarkdownToSafeHtmlTest, RendersCommonMark) {
    const std::string html = MarkdownToSafeHtml("## Decided\n\n- **Audit** the clinic\n- Write to the board\n");
    EXPECT_TRUE(Contains(html, "<h2>Decided</h2>")) << html;
    EXPECT_TRUE(Contains(html, "<li><strong>Audit</strong> the clinic</li>")) << html;
}

TEST(MarkdownToSafeHtmlTest, DropsRawHtmlAndScript) {
    const std::string html = MarkdownToSafeHtml(
        "Hello <script>alert('x')</script>\n\n<div onclick=\"alert(1)\">hi</div>\n\n"
        "<img src=x onerror=alert(1)>\n\n<iframe src=\"https://evil.example\"></iframe>");
    EXPECT_FALSE(Contains(html, "<script")) << html;
    EXPECT_FALSE(Contains(html, "onclick")) << html;
    EXPECT_FALSE(Contains(html, "onerror")) << html;
    EXPECT_FALSE(Contains(html, "<iframe")) << html;
    EXPECT_FALSE(Contains(html, "<div")) << html;
    EXPECT_TRUE(Contains(html, "Hello")) << html;
}

TEST(MarkdownToSafeHtmlTest, NeutralisesScriptLinks) {
    const std::string html = MarkdownToSafeHtml(
        "[one](javascript:alert(1)) [two](JavaScript:alert(2)) [three](vbscript:msgbox) [four](file:///etc/passwd) "
        "[five](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(3)> [six](https://example.org/ok)");
    // An autolink keeps its words (escaped, harmless) but no link address may run script or read files.
    const std::string lower = text::ToLower(html);
    EXPECT_FALSE(Contains(lower, "href=\"javascript")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"vbscript")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"file")) << html;
    EXPECT_FALSE(Contains(lower, "href=\"data")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"\">one</a>")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"https://example.org/ok\">six</a>")) << html;
}

TEST(MarkdownToSafeHtmlTest, ImagesBecomeLinksWithTheirWords) {
    const std::string html = MarkdownToSafeHtml("![The new leaflet](https://example.org/leaflet.png) ![](x.png)");
    EXPECT_FALSE(Contains(html, "<img")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"https://example.org/leaflet.png\">The new leaflet</a>")) << html;
    EXPECT_TRUE(Contains(html, "<a href=\"x.png\">image</a>")) << html;
}

TEST(MarkdownToSafeHtmlTest, EscapesTextAndSurvivesBadUtf8) {
    const std::string html = MarkdownToSafeHtml("5 < 6 & \"quotes\" \xff\xfe");
    EXPECT_TRUE(Contains(html, "5 &lt; 6 &amp; &quot;quotes&quot;")) << html;
    EXPECT_EQ(MarkdownToSafeHtml(""), "");
}

}  // namespace
}  // namespace carevoice::web::testing
