// The consent check (partnership/public_text_check.hpp) on the forms whose text reaches a public page:
// a meeting's published minutes, a public impact, the group's own details. Each form names the texts it
// would publish; this turns the findings into the error summary's entries ("Minutes, line 3: “Polly
// Patient” has not agreed to be named publicly", linking to the field) and a preview of the lines
// concerned with what to remove marked (<mark>, rendered by public_text_preview.mustache, escaped, no
// JavaScript). The refusal is audited without the names or the text.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "partnership/group.hpp"
#include "partnership/person.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::partnership_pages {

// A text the form would publish.
struct PublicField {
    std::string field;              // the form's field name, also the id of the element the summary links to
    std::string label;              // what the form calls it, e.g. "Minutes"
    std::string text;               // as typed
    bool is_contact_route = false;  // the group's own published phone or e-mail: only names are looked for
};

struct PublicTextReview {
    std::vector<FieldProblem> problems;  // one a finding, in the fields' order
    nlohmann::json preview;              // public_text_preview.mustache's data; null when nothing was found
    bool ok() const { return problems.empty(); }
};

// The group's own published contact routes (its e-mail address and phone number), which any public text
// may give.
std::vector<std::string> PublishedContacts(const partnership::Group& group);

// Checks `fields` against the group's `people`; `group_contacts` (the group's own published e-mail and
// phone) may appear anywhere.
PublicTextReview ReviewPublicText(const std::vector<PublicField>& fields, std::span<const partnership::Person> people,
                                  std::span<const std::string> group_contacts);

// The same with the group's people read from the database. When the review finds something, appends
// its problems to `problems`, records `refusal` ("minutes.publish_refused") against the record in the
// audit log, and returns the preview for the form's data; returns null when all is well. Fails only
// when the people cannot be read (the caller answers 503).
Result<nlohmann::json> RefuseUnlessPublishable(RequestContext& ctx, std::int64_t group_id,
                                               const std::vector<PublicField>& fields,
                                               std::span<const std::string> group_contacts, const std::string& refusal,
                                               const std::string& record_type, const std::string& record_id,
                                               std::vector<FieldProblem>& problems);

}  // namespace carevoice::web::partnership_pages
