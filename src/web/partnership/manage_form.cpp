// The form that edits a partnership group and its terms of reference (manage.cpp): the form filled in
// from the records, the form as posted, and the group and its terms built from it, with each problem
// named in the words of the form.
#include <map>
#include <string>

#include "core/text.hpp"
#include "partnership/dates.hpp"
#include "partnership/group.hpp"
#include "partnership/terms_of_reference.hpp"
#include "web/http/app.hpp"
#include "web/partnership/manage.hpp"

namespace carevoice::web::partnership_pages {
namespace {

std::string Typed(const RequestContext& ctx, const std::string& name) {
    return std::string(text::Trim(ctx.Param(name)));
}

// What each field is called on the form, for messages built from the domain's problems.
const std::map<std::string, std::string>& FieldLabels() {
    static const std::map<std::string, std::string> kLabels = {
        {"name", "The name of the group"},
        {"area_name", "The name of the area"},
        {"model_description", "The description of how the group is organised"},
        {"year_founded", "The year the group was founded"},
        {"meeting_interval_weeks", "The weeks between meetings"},
        {"contact_email", "The group's e-mail address"},
        {"contact_phone", "The group's phone number"},
        {"document_text", "The terms of reference"},
        {"document_url", "The link to the terms of reference"},
        {"chair_term_min_months", "The shortest term as chair"},
        {"chair_term_max_months", "The longest term as chair"},
        {"re_election_gap_months", "The gap before a chair may be re-elected"},
        {"vice_chairs", "The number of vice-chairs"},
        {"quorum", "The quorum"},
        {"quorum_lay", "The number of users or carers needed for a quorum"},
    };
    return kLabels;
}

}  // namespace

GroupForm FormOf(const partnership::Group& g, const partnership::TermsOfReference& t) {
    GroupForm f;
    f.name = g.name;
    f.area_kind = std::string(NameOf(partnership::kAreaKinds, g.area_kind));
    f.area_name = g.area_name;
    f.model = g.model ? std::string(NameOf(partnership::kGroupModels, *g.model)) : kNoModel;
    f.model_description = g.model_description;
    f.year_founded = g.year_founded ? std::to_string(*g.year_founded) : "";
    f.meeting_interval_weeks = g.meeting_interval_weeks ? std::to_string(*g.meeting_interval_weeks) : "";
    f.contact_postal_address = g.contact_postal_address;
    f.contact_phone = g.contact_phone;
    f.contact_email = g.contact_email;
    for (const auto& l : g.links) {
        f.links.push_back(
            {std::string(NameOf(partnership::kLinkedBodyKinds, l.kind)), l.body_name, l.representative_ids});
    }
    f.document_text = t.document_text;
    f.document_url = t.document_url;
    f.chair_eligibility = std::string(NameOf(partnership::kChairEligibilities, t.chair_eligibility));
    f.chair_term_min_months = std::to_string(t.chair_term_min_months);
    f.chair_term_max_months = std::to_string(t.chair_term_max_months);
    f.re_election_gap_months = std::to_string(t.re_election_gap_months);
    f.vice_chairs = std::to_string(t.vice_chairs);
    f.quorum = std::to_string(t.quorum);
    f.quorum_lay = std::to_string(t.quorum_lay);
    f.review_date = DateInputOf("review_date", t.review_date);
    return f;
}

GroupForm ReadForm(RequestContext& ctx, std::vector<FieldProblem>& problems) {
    GroupForm f;
    f.name = Typed(ctx, "name");
    f.area_kind = ctx.Param("area_kind");
    f.area_name = Typed(ctx, "area_name");
    f.model = ctx.Param("model");
    f.model_description = Typed(ctx, "model_description");
    f.year_founded = Typed(ctx, "year_founded");
    f.meeting_interval_weeks = Typed(ctx, "meeting_interval_weeks");
    f.contact_postal_address = Typed(ctx, "contact_postal_address");
    f.contact_phone = Typed(ctx, "contact_phone");
    f.contact_email = Typed(ctx, "contact_email");
    auto rows = text::ParseInt(ctx.Param("link_rows"));
    const int n = rows.ok() ? static_cast<int>(std::clamp<long long>(*rows, 0, kMaxLinkRows)) : 0;
    for (int i = 1; i <= n; ++i) {
        const std::string prefix = "link-" + std::to_string(i) + "-";
        f.links.push_back(
            {ctx.Param(prefix + "kind"), Typed(ctx, prefix + "body_name"),
             ParamIds(ctx, prefix + "representatives", prefix + "body_name", "Who represents the group", problems)});
    }
    f.document_text = Typed(ctx, "document_text");
    f.document_url = Typed(ctx, "document_url");
    f.chair_eligibility = ctx.Param("chair_eligibility");
    f.chair_term_min_months = Typed(ctx, "chair_term_min_months");
    f.chair_term_max_months = Typed(ctx, "chair_term_max_months");
    f.re_election_gap_months = Typed(ctx, "re_election_gap_months");
    f.vice_chairs = Typed(ctx, "vice_chairs");
    f.quorum = Typed(ctx, "quorum");
    f.quorum_lay = Typed(ctx, "quorum_lay");
    f.review_date = ReadDateInput(ctx, "review_date");
    return f;
}

const EditSection* FindEditSection(const std::string& name) {
    for (const auto& s : kEditSections) {
        if (name == s.name) return &s;
    }
    return nullptr;
}

void TakeSection(GroupForm& form, const GroupForm& typed, const EditSection& section) {
    const std::string name = section.name;
    if (name == "about") {
        form.name = typed.name;
        form.area_kind = typed.area_kind;
        form.area_name = typed.area_name;
        form.model = typed.model;
        form.model_description = typed.model_description;
        form.year_founded = typed.year_founded;
        form.meeting_interval_weeks = typed.meeting_interval_weeks;
    } else if (name == "contact") {
        form.contact_postal_address = typed.contact_postal_address;
        form.contact_phone = typed.contact_phone;
        form.contact_email = typed.contact_email;
    } else if (name == "links") {
        form.links = typed.links;
    } else if (name == "terms") {
        form.document_text = typed.document_text;
        form.document_url = typed.document_url;
        form.chair_eligibility = typed.chair_eligibility;
        form.chair_term_min_months = typed.chair_term_min_months;
        form.chair_term_max_months = typed.chair_term_max_months;
        form.re_election_gap_months = typed.re_election_gap_months;
        form.vice_chairs = typed.vice_chairs;
        form.quorum = typed.quorum;
        form.quorum_lay = typed.quorum_lay;
        form.review_date = typed.review_date;
    }
}

// "chair_term_min_months" inside a domain message becomes "the shortest term as chair". Only names
// with an underscore are replaced, so that ordinary words ("quorum", "name") are left alone.
std::string Humanise(std::string problem) {
    for (const auto& [field, label] : FieldLabels()) {
        if (field.find('_') == std::string::npos) continue;
        const std::string lower = text::ToLower(label.substr(0, 1)) + label.substr(1);
        for (auto at = problem.find(field); at != std::string::npos; at = problem.find(field, at + lower.size())) {
            problem.replace(at, field.size(), lower);
        }
    }
    return problem;
}

// The form's row (from 1) of the domain's "links[N]…" field, which counts only the rows kept (those
// with a body's name); none for other fields.
std::optional<std::size_t> FormRowOfLink(const std::string& field, const std::vector<LinkRow>& rows) {
    if (!text::StartsWith(field, "links[")) return std::nullopt;
    const auto close = field.find(']');
    if (close == std::string::npos) return std::nullopt;
    auto n = text::ParseInt(std::string_view(field).substr(6, close - 6));
    if (!n.ok() || *n < 1) return std::nullopt;
    long long kept = 0;
    for (std::size_t at = 0; at < rows.size(); ++at) {
        if (rows[at].body_name.empty()) continue;
        if (++kept == *n) return at + 1;
    }
    return std::nullopt;
}

std::string LinkField(std::size_t row) { return "link-" + std::to_string(row) + "-body_name"; }

Records BuildRecords(const GroupForm& f, const partnership::Group& current, std::vector<FieldProblem>& problems) {
    Records r;
    partnership::Group& g = r.group;
    g.id = current.id;
    g.name = f.name;
    if (f.name.empty()) problems.push_back({"name", "Enter the name of the group"});
    if (auto kind = ParseName(partnership::kAreaKinds, f.area_kind)) {
        g.area_kind = *kind;
    } else {
        problems.push_back({"area_kind", "Choose the kind of area the group covers"});
    }
    g.area_name = f.area_name;
    if (f.area_name.empty()) problems.push_back({"area_name", "Enter the name of the area, for example Milton Keynes"});
    if (f.model == kNoModel) {
        g.model.reset();
        if (f.model_description.empty()) {
            problems.push_back(
                {"model_description", "Describe how the group is organised, as none of the models fits"});
        }
    } else if (auto model = ParseName(partnership::kGroupModels, f.model)) {
        g.model = *model;
    } else {
        problems.push_back({"model", "Choose the model that describes the group, or none of them"});
    }
    g.model_description = f.model_description;
    g.year_founded =
        ParseWholeNumber(f.year_founded, "year_founded", "The year the group was founded", false, problems);
    g.meeting_interval_weeks = ParseWholeNumber(f.meeting_interval_weeks, "meeting_interval_weeks",
                                                "The weeks between meetings", false, problems);
    g.contact_postal_address = f.contact_postal_address;
    g.contact_phone = f.contact_phone;
    g.contact_email = f.contact_email;
    for (std::size_t at = 0; at < f.links.size(); ++at) {
        const LinkRow& row = f.links[at];
        const std::string field = LinkField(at + 1);
        if (row.body_name.empty()) {
            if (!row.representatives.empty()) {
                problems.push_back({field, "Enter the name of the body for link " + std::to_string(at + 1) +
                                               ", or untick its representatives to remove it"});
            }
            continue;  // an empty row: a link removed, or a spare row left blank
        }
        partnership::GroupLink link;
        if (auto kind = ParseName(partnership::kLinkedBodyKinds, row.kind)) {
            link.kind = *kind;
        } else {
            problems.push_back({"link-" + std::to_string(at + 1) + "-kind",
                                "Choose the kind of body for link " + std::to_string(at + 1)});
        }
        link.body_name = row.body_name;
        link.representative_ids = row.representatives;
        g.links.push_back(std::move(link));
    }

    partnership::TermsOfReference& t = r.terms;
    t.document_text = f.document_text;
    t.document_url = f.document_url;
    if (f.document_text.empty() && f.document_url.empty()) {
        problems.push_back({"document_text", "Enter the terms of reference, or a link to where they are published"});
    }
    if (auto e = ParseName(partnership::kChairEligibilities, f.chair_eligibility)) {
        t.chair_eligibility = *e;
    } else {
        problems.push_back({"chair_eligibility", "Choose who may chair the group"});
    }
    const auto number = [&](const std::string& typed, const std::string& field, int& out) {
        if (auto n = ParseWholeNumber(typed, field, FieldLabels().at(field), true, problems)) out = *n;
    };
    number(f.chair_term_min_months, "chair_term_min_months", t.chair_term_min_months);
    number(f.chair_term_max_months, "chair_term_max_months", t.chair_term_max_months);
    number(f.re_election_gap_months, "re_election_gap_months", t.re_election_gap_months);
    number(f.vice_chairs, "vice_chairs", t.vice_chairs);
    number(f.quorum, "quorum", t.quorum);
    number(f.quorum_lay, "quorum_lay", t.quorum_lay);
    if (auto d = ParseDateInput(f.review_date, "The date of the next review", true, problems)) {
        t.review_date = *d;
    }

    // The domain's rules (ranges, e-mail and phone, the shape of the link), for fields the form has
    // not already complained about.
    const auto add_domain = [&](const Status& s) {
        for (const auto& d : s.details()) {
            const std::string& field = d.field;
            if (auto row = FormRowOfLink(field, f.links)) {
                if (!HasProblem(problems, LinkField(*row))) {
                    problems.push_back({LinkField(*row), "Link " + std::to_string(*row) + " " + d.problem});
                }
                continue;
            }
            if (HasProblem(problems, field)) continue;
            auto label = FieldLabels().find(field);
            problems.push_back(
                {field, (label == FieldLabels().end() ? field : label->second) + " " + Humanise(d.problem)});
        }
    };
    add_domain(partnership::ValidateGroup(g));
    add_domain(partnership::ValidateTermsOfReference(t));
    return r;
}

}  // namespace carevoice::web::partnership_pages
