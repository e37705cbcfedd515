// What the pages of running a partnership group share (manage.cpp: the overview and the edit page;
// manage_form.cpp: reading the edit form and turning it into the group and its terms of reference).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "partnership/group.hpp"
#include "partnership/terms_of_reference.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {

inline constexpr int kMaxLinkRows = 40;
inline constexpr const char* kNoModel = "none";

struct LinkRow {
    std::string kind;
    std::string body_name;
    std::vector<std::int64_t> representatives;
};

// The form as typed, so that a rejected form shows what was entered.
struct GroupForm {
    std::string name, area_kind, area_name, model, model_description, year_founded, meeting_interval_weeks;
    std::string contact_postal_address, contact_phone, contact_email;
    std::vector<LinkRow> links;
    std::string document_text, document_url, chair_eligibility;
    std::string chair_term_min_months, chair_term_max_months, re_election_gap_months, vice_chairs, quorum, quorum_lay;
    DateInput review_date;
};

// The form filled in from the group and its terms as recorded.
GroupForm FormOf(const partnership::Group& g, const partnership::TermsOfReference& t);
// The form as posted; `problems` gets what cannot be read (too many link rows).
GroupForm ReadForm(RequestContext& ctx, std::vector<FieldProblem>& problems);

// The edit page whole, or one part of it at a time (?section=about|contact|links|terms): a part's page
// shows and saves only its fields, the rest kept as recorded.
struct EditSection {
    const char* name;
    const char* title;  // the page's heading
    const char* noun;   // "Save the contact details"
};
inline constexpr EditSection kEditSections[] = {
    {"about", "About the group", "the group's details"},
    {"contact", "How people can get in touch to join", "the contact details"},
    {"links", "Links to other bodies", "the links to other bodies"},
    {"terms", "Terms of reference", "the terms of reference"},
};
// The section named `name`, or nullptr (the whole form) for "" or an unknown name.
const EditSection* FindEditSection(const std::string& name);
// Copies the fields of `section` from `typed` (the form as posted) into `form` (the form as recorded).
void TakeSection(GroupForm& form, const GroupForm& typed, const EditSection& section);

// The group and its terms from the form; `problems` names each field that cannot become a value.
struct Records {
    partnership::Group group;
    partnership::TermsOfReference terms;
};
Records BuildRecords(const GroupForm& f, const partnership::Group& current, std::vector<FieldProblem>& problems);

// A domain message with the form's field names in it, in the words of the form.
std::string Humanise(std::string problem);
// The form's row (from 1) of the domain's "links[N]…" field, which counts only the rows kept (those
// with a body's name); none for other fields.
std::optional<std::size_t> FormRowOfLink(const std::string& field, const std::vector<LinkRow>& rows);
std::string LinkField(std::size_t row);  // the id of a link row's first field, for the error summary

}  // namespace carevoice::web::partnership_pages
