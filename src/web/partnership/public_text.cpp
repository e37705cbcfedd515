#include "web/partnership/public_text.hpp"

#include <algorithm>
#include <set>

#include "partnership/public_text_check.hpp"
#include "store/people_repository.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::PublicTextFinding;
using partnership::PublicTextProblem;

// Plain text kept before the first and after the last mark of a long line in the preview.
constexpr std::size_t kPreviewContext = 100;

std::string OneLine(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::erase(s, '\r');
    return s;
}

std::string Quoted(const std::string& s) { return "“" + OneLine(s) + "”"; }

std::string JoinedWithOr(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) {
        out += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + names[k];
    }
    return out;
}

std::string Message(const PublicField& field, const PublicTextFinding& f) {
    const bool lines = field.text.find('\n') != std::string::npos;
    const std::string where = field.label + (lines ? ", line " + std::to_string(f.line) : "");
    switch (f.problem) {
        case PublicTextProblem::kName:
            if (f.whole_name)
                return where + ": " + Quoted(f.person_names.front()) + " has not agreed to be named publicly";
            return where + ": " + Quoted(f.found) + " may name " + JoinedWithOr(f.person_names) + ", who " +
                   (f.person_names.size() == 1 ? "has" : "have") + " not agreed to be named publicly";
        case PublicTextProblem::kEmail:
            return where + ": an e-mail address, " + f.found + ", cannot be published";
        case PublicTextProblem::kPhone:
            return where + ": a phone number, " + OneLine(f.found) + ", cannot be published";
        case PublicTextProblem::kTooLong:
            break;
    }
    return field.label + " is too long to check for names and contact details: shorten it to publish it";
}

// Where a UTF-8 sequence starts, at or after `at`.
std::size_t Boundary(const std::string& s, std::size_t at) {
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    return at;
}

nlohmann::json Segment(const std::string& text, bool mark) { return {{"text", OneLine(text)}, {"mark", mark}}; }

// One line of the field with the parts of `findings` on it marked; long plain text at either end is cut.
nlohmann::json PreviewLine(const std::string& text, std::size_t number, std::size_t begin, std::size_t end,
                           const std::vector<const PublicTextFinding*>& findings) {
    nlohmann::json segments = nlohmann::json::array();
    std::size_t at = begin;
    for (const auto* f : findings) {
        const std::size_t from = std::max(f->offset, begin), to = std::min(f->offset + f->length, end);
        if (from >= to) continue;
        std::string before = text.substr(at, from - at);
        if (at == begin && before.size() > kPreviewContext) {
            before = "…" + before.substr(Boundary(before, before.size() - kPreviewContext));
        }
        if (!before.empty()) segments.push_back(Segment(before, false));
        segments.push_back(Segment(text.substr(from, to - from), true));
        at = to;
    }
    std::string after = text.substr(at, end - at);
    if (after.size() > kPreviewContext) after = after.substr(0, Boundary(after, kPreviewContext)) + "…";
    if (!after.empty()) segments.push_back(Segment(after, false));
    return {{"number", number}, {"segments", segments}};
}

nlohmann::json PreviewField(const PublicField& field, const std::vector<const PublicTextFinding*>& findings) {
    std::vector<std::size_t> starts = {0};  // where each line begins
    for (std::size_t at = field.text.find('\n'); at != std::string::npos; at = field.text.find('\n', at + 1)) {
        starts.push_back(at + 1);
    }
    std::set<std::size_t> lines;  // from 1
    for (const auto* f : findings) {
        const auto last =
            std::upper_bound(starts.begin(), starts.end(), f->offset + std::max<std::size_t>(f->length, 1) - 1);
        for (std::size_t line = f->line; line <= static_cast<std::size_t>(last - starts.begin()); ++line)
            lines.insert(line);
    }
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t line : lines) {
        const std::size_t begin = starts[line - 1];
        std::size_t end = line < starts.size() ? starts[line] - 1 : field.text.size();
        if (end > begin && field.text[end - 1] == '\r') --end;
        out.push_back(PreviewLine(field.text, line, begin, end, findings));
    }
    return {{"label", field.label}, {"field_id", field.field}, {"lines", out}};
}

}  // namespace

std::vector<std::string> PublishedContacts(const partnership::Group& group) {
    return {group.contact_email, group.contact_phone};
}

PublicTextReview ReviewPublicText(const std::vector<PublicField>& fields, std::span<const partnership::Person> people,
                                  std::span<const std::string> group_contacts) {
    std::vector<partnership::PublicText> texts;
    for (const auto& f : fields) texts.push_back({f.field, f.text, f.is_contact_route});
    const partnership::PublicTextCheck check = partnership::CheckPublicText(texts, people, group_contacts);
    PublicTextReview review;
    if (check.ok()) return review;
    nlohmann::json preview_fields = nlohmann::json::array();
    for (const auto& field : fields) {
        std::vector<const PublicTextFinding*> mine;
        for (const auto& f : check.findings) {
            if (f.field != field.field) continue;
            review.problems.push_back({field.field, Message(field, f)});
            if (f.problem != PublicTextProblem::kTooLong) mine.push_back(&f);
        }
        if (!mine.empty()) preview_fields.push_back(PreviewField(field, mine));
    }
    if (check.more) {
        review.problems.push_back(
            {check.findings.back().field, "There are more names or contact details to remove than are listed here"});
    }
    review.preview = {{"fields", preview_fields}, {"has_fields", !preview_fields.empty()}};
    return review;
}

Result<nlohmann::json> RefuseUnlessPublishable(RequestContext& ctx, std::int64_t group_id,
                                               const std::vector<PublicField>& fields,
                                               std::span<const std::string> group_contacts, const std::string& refusal,
                                               const std::string& record_type, const std::string& record_id,
                                               std::vector<FieldProblem>& problems) {
    CV_ASSIGN_OR_RETURN(auto people, store::PeopleRepository(ctx.db()).ListByGroup(group_id));
    PublicTextReview review = ReviewPublicText(fields, people, group_contacts);
    if (review.ok()) return nlohmann::json();
    problems.insert(problems.end(), review.problems.begin(), review.problems.end());
    ctx.Audit(refusal, record_type, record_id, "refused");
    return std::move(review.preview);
}

}  // namespace carevoice::web::partnership_pages
