// Markdown (CommonMark) to HTML for text people type into carevoice, such as a meeting's minutes.
// The result is safe to put into a page unescaped: raw HTML in the text is dropped (libcmark's safe
// mode), links whose address could run script or read files (javascript:, vbscript:, file:, data:)
// lose their address, and images become plain links to the image, so that nothing is loaded from
// elsewhere (the CSP would refuse it anyway) and nothing appears without its words.
#pragma once

#include <string>
#include <string_view>

namespace carevoice::web {

// HTML for `markdown`; invalid UTF-8 becomes U+FFFD. A single line break in the text is kept as a
// line break, as people writing minutes expect.
std::string MarkdownToSafeHtml(std::string_view markdown);

}  // namespace carevoice::web
