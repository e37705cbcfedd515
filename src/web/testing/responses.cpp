#include "web/testing/responses.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace carevoice::web::testing {
namespace {

// What a failed assertion shows of a body: enough to see which page came back.
constexpr std::size_t kShownBody = 600;

// The text of an HTML fragment as a person reads it: the five entities mustache writes turned back.
std::string Unescaped(std::string html) {
    static const std::vector<std::pair<std::string, std::string>> kEntities = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, plain] : kEntities) {
        for (auto at = html.find(entity); at != std::string::npos; at = html.find(entity, at + plain.size())) {
            html.replace(at, entity.size(), plain);
        }
    }
    return html;
}

// The text between each `open` and the `close` after it, in order.
std::vector<std::string> Between(const std::string& text, const std::string& open, const std::string& close) {
    std::vector<std::string> found;
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
        at += open.size();
        const std::size_t end = text.find(close, at);
        if (end == std::string::npos) break;
        found.push_back(text.substr(at, end - at));
        at = end + close.size();
    }
    return found;
}

// An HTML fragment as text: tags removed (and the spans only a phone shows, each cell's column heading),
// runs of white space made one space, trimmed.
std::string CellText(std::string html) {
    const std::string heading = "<span class=\"nhsuk-table__heading\"";
    for (auto at = html.find(heading); at != std::string::npos; at = html.find(heading, at)) {
        const auto end = html.find("</span>", at);
        if (end == std::string::npos) break;
        html.erase(at, end + 7 - at);
    }
    std::string text;
    bool in_tag = false;
    for (char c : html) {
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        else if (!in_tag)
            text += c;
    }
    text = Unescaped(text);
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string Listed(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += "\n    " + item;
    return out.empty() ? " (none)" : out;
}

::testing::AssertionResult StatusIs(const httplib::Result& r, int status) {
    if (!r) return ::testing::AssertionFailure() << "no response: " << httplib::to_string(r.error());
    if (r->status != status) {
        return ::testing::AssertionFailure() << "status " << r->status << ", wanted " << status << "; body begins:\n"
                                             << r->body.substr(0, kShownBody);
    }
    return ::testing::AssertionSuccess();
}

// The error summary's items as (linked element id, or "", and text), in order; none when the page has no
// summary. error_summary.mustache: <li><a href="#field_id">message</a></li> for each problem, or
// <li>message</li> for one the form has no element for.
std::optional<std::vector<std::pair<std::string, std::string>>> SummaryItems(const std::string& body) {
    const auto summary = Between(body, "nhsuk-error-summary__list\">", "</ul>");
    if (summary.empty()) return std::nullopt;
    std::vector<std::pair<std::string, std::string>> items;
    for (const auto& item : Between(summary.front(), "<li>", "</li>")) {
        std::string id, text = item;
        if (item.rfind("<a href=\"#", 0) == 0) {
            id = item.substr(10, item.find('"', 10) - 10);
            text = item.substr(item.find('>') + 1);
            text = text.substr(0, text.rfind("</a>"));
        }
        items.emplace_back(id, Unescaped(text));
    }
    return items;
}

}  // namespace

bool Contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::size_t Occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

::testing::AssertionResult IsErrorPage(const httplib::Result& r, int status, const std::string& message) {
    if (auto s = StatusIs(r, status); !s) return s;
    // The error page is message.mustache: the heading, then each paragraph in a <p> of its own.
    std::vector<std::string> paragraphs;
    for (const auto& p : Between(r->body, "<p>", "</p>")) paragraphs.push_back(Unescaped(p));
    for (const auto& p : paragraphs) {
        if (Contains(p, message)) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "no paragraph of the " << status << " page says \"" << message
                                         << "\"; its paragraphs:" << Listed(paragraphs);
}

std::vector<std::string> ErrorSummaryLinks(const std::string& body) {
    std::vector<std::string> ids;
    if (auto summary = SummaryItems(body)) {
        for (const auto& item : *summary) ids.push_back(item.first);
    }
    return ids;
}

::testing::AssertionResult HasFieldError(const httplib::Result& r, const std::string& field_id,
                                         const std::string& message, int status) {
    if (auto s = StatusIs(r, status); !s) return s;
    const auto summary = SummaryItems(r->body);
    if (!summary) return ::testing::AssertionFailure() << "the " << status << " page has no error summary";
    std::vector<std::string> items;  // "#id: message", or "message"
    for (const auto& [id, text] : *summary) {
        if ((field_id.empty() || id == field_id) && Contains(text, message)) return ::testing::AssertionSuccess();
        items.push_back(id.empty() ? text : "#" + id + ": " + text);
    }
    return ::testing::AssertionFailure() << "the error summary has no "
                                         << (field_id.empty() ? "problem" : "link to #" + field_id)
                                         << (message.empty() ? "" : " saying \"" + message + "\"")
                                         << "; it lists:" << Listed(items);
}

std::vector<std::vector<std::string>> TableRows(const std::string& body, const std::string& caption) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& table : Between(body, "<table", "</table>")) {
        const auto captions = Between(table, "<caption", "</caption>");
        if (captions.empty() || !Contains(CellText("<caption" + captions.front()), caption)) continue;
        const auto tbody = Between(table, "<tbody", "</tbody>");
        if (tbody.empty()) return rows;
        for (const auto& tr : Between(tbody.front(), "<tr", "</tr>")) {
            std::vector<std::string> cells;
            // Cells in order, whether <th> (a row's header) or <td>.
            for (std::size_t at = tr.find("<t"); at != std::string::npos; at = tr.find("<t", at + 1)) {
                if (tr.compare(at, 3, "<th") != 0 && tr.compare(at, 3, "<td") != 0) continue;
                const std::string close = tr.compare(at, 3, "<th") == 0 ? "</th>" : "</td>";
                const auto end = tr.find(close, at);
                if (end == std::string::npos) break;
                cells.push_back(CellText(tr.substr(at, end - at)));
                at = end;
            }
            rows.push_back(std::move(cells));
        }
        return rows;
    }
    return rows;
}

::testing::AssertionResult HasTableRow(const std::string& body, const std::string& caption,
                                       const std::vector<std::string>& cells) {
    const auto rows = TableRows(body, caption);
    std::vector<std::string> shown;
    for (const auto& row : rows) {
        bool match = row.size() >= cells.size();
        for (std::size_t i = 0; match && i < cells.size(); ++i) match = cells[i] == "*" || row[i] == cells[i];
        if (match) return ::testing::AssertionSuccess();
        std::string line;
        for (const auto& c : row) line += (line.empty() ? "" : " | ") + c;
        shown.push_back(line);
    }
    std::string wanted;
    for (const auto& c : cells) wanted += (wanted.empty() ? "" : " | ") + c;
    if (rows.empty()) {
        return ::testing::AssertionFailure() << "no table captioned \"" << caption << "\" with rows";
    }
    return ::testing::AssertionFailure() << "the table \"" << caption << "\" has no row beginning " << wanted
                                         << "; its rows:" << Listed(shown);
}

::testing::AssertionResult IsApiError(const httplib::Result& r, int status, const std::string& code,
                                      const std::string& field) {
    if (auto s = StatusIs(r, status); !s) return s;
    const auto body = nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object() || !body.contains("error") || !body["error"].is_object()) {
        return ::testing::AssertionFailure() << "not a JSON error: " << r->body.substr(0, kShownBody);
    }
    const auto& error = body["error"];
    if (error.value("code", "") != code) {
        return ::testing::AssertionFailure()
               << "error code \"" << error.value("code", "") << "\", wanted \"" << code << "\": " << error.dump();
    }
    if (field.empty()) return ::testing::AssertionSuccess();
    for (const auto& d : error.value("details", nlohmann::json::array())) {
        if (d.value("field", "") == field) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "error.details does not name \"" << field << "\": " << error.dump();
}

::testing::AssertionResult IsSentToSignIn(const httplib::Result& r) {
    if (auto s = StatusIs(r, 303); !s) return s;
    const std::string location = r->get_header_value("Location");
    if (location.rfind("/sign-in?next=", 0) == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "sent to \"" << location << "\", not to the sign-in page";
}

}  // namespace carevoice::web::testing
