// The shared pieces of the work programme, diversity and annual report pages (pages_partnership_programme.hpp).
#include "web/experience/model.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "partnership/publication.hpp"
#include "partnership/survey_evidence.hpp"
#include "store/priorities_repository.hpp"
#include "store/programme_settings_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {

Result<int> ProgrammeYear(const RequestContext& ctx) {
    std::string text(text::Trim(ctx.Param("year")));
    if (text.empty()) text = std::string(text::Trim(ctx.Param("programme_year")));
    if (text.empty()) return ctx.app.clock().Today().year();
    auto year = text::ParseInt(text);
    if (!year.ok() || *year < partnership::kEarliestProgrammeYear || *year > partnership::kLatestProgrammeYear) {
        return Status::InvalidArgument(
            "The address has a value that is not right.",
            {{"year", "'" + text + "' is not a year from " + std::to_string(partnership::kEarliestProgrammeYear) +
                          " to " + std::to_string(partnership::kLatestProgrammeYear)}});
    }
    return static_cast<int>(*year);
}

std::string GroupPathOf(std::int64_t group_id, const std::string& rest) {
    return "/groups/" + std::to_string(group_id) + rest;
}

std::string ProgrammePath(std::int64_t group_id, int year, const std::string& anchor) {
    return GroupPathOf(group_id, "/programme?year=" + std::to_string(year) + anchor);
}

Result<std::pair<std::string, bool>> SurveyOrganisationOf(store::Connection& conn, std::int64_t group_id,
                                                          int programme_year) {
    CV_ASSIGN_OR_RETURN(auto chosen, store::ProgrammeSettingsRepository(conn).SurveyOrganisation(group_id));
    if (chosen) return std::pair<std::string, bool>(*chosen, true);
    store::PrioritiesRepository priorities(conn);
    for (int year : {programme_year, programme_year - 1}) {
        CV_ASSIGN_OR_RETURN(auto evidence, priorities.ListEvidence(group_id, year));
        for (auto it = evidence.rbegin(); it != evidence.rend(); ++it) {
            if (it->cpes) return std::pair<std::string, bool>(it->cpes->org_code, false);
        }
    }
    return std::pair<std::string, bool>("", false);
}

SurveyEvidence FindSurveyEvidence(RequestContext& ctx, experience_pages::ExperienceCache& cache, std::int64_t group_id,
                                  int programme_year) {
    using namespace experience_pages;
    SurveyEvidence out;
    auto org = SurveyOrganisationOf(ctx.db(), group_id, programme_year);
    if (!org.ok()) {
        out.problem = "The group's survey organisation cannot be read now.";
        return out;
    }
    out.org_code = org->first;
    out.org_chosen = org->second;
    if (out.org_code.empty()) {
        out.problem = "The group has not chosen the organisation whose survey results are its evidence.";
        return out;
    }
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) {
        out.problem = "The survey results cannot be read now.";
        return out;
    }
    out.survey_year = partnership::EvidenceSurveyYear((*snapshot)->years, programme_year).value_or(0);
    if (out.survey_year == 0) {
        out.problem = "No published survey results up to " + std::to_string(programme_year) +
                      " have been imported into carevoice.";
        return out;
    }
    const int threshold = ctx.app.config().suppression_threshold;
    auto profile = BuildProfile(ctx.db(), cache, **snapshot, out.org_code, out.survey_year,
                                app::ParameterChoice::kPublishedIfAvailable, threshold);
    if (!profile.ok()) {
        out.problem = profile.status().code() == StatusCode::kNotFound
                          ? "The published survey results have no organisation with the code " + out.org_code + "."
                          : "The survey results cannot be read now.";
        return out;
    }
    out.org_name = profile->organisation.name;
    if (!profile->ratings_problem.empty()) {
        out.problem = profile->ratings_problem;
        return out;
    }
    const std::string year = std::to_string(out.survey_year);
    const std::string profile_href = "/experience/organisations/" + UrlEncode(out.org_code) + "?year=" + year;
    for (const auto& q : profile->questions) {
        const std::string title = QuestionTitle(**snapshot, q.question);
        const std::string question_href = "/experience/questions/" + UrlEncode(q.question) + "?year=" + year;
        const Change& c = q.change;
        partnership::SurveyItemOutcome outcome;
        outcome.shown = q.shown;
        if (q.shown && q.result->rated) outcome.rating = q.result->rated->rating;
        if (c.available && c.test) outcome.change = c.test->change;
        for (const auto kind : partnership::SurveyEvidenceKinds(outcome)) {
            SurveyFinding f;
            f.kind = kind;
            f.question = q.question;
            f.title = title;
            f.question_href = question_href;
            if (kind == partnership::EvidenceKind::kSurveyBelowExpected) {
                const auto& r = *q.result;
                f.detail = FormatScore(q.question, *r.input->score) + " from " + std::to_string(*r.input->n) +
                           " respondents; expected " + FormatInterval(q.question, r.rated->expected);
                f.summary = title + " — " + out.org_code + " " + year + ": " + f.detail + ", below the expected range";
                f.profile_href = profile_href;
            } else {
                f.detail = FormatScore(q.question, *c.previous_score) + " in " + std::to_string(c.previous_year) +
                           " to " + FormatScore(q.question, *c.current_score) + " in " + year +
                           ", a significant decrease";
                f.summary = title + " — " + out.org_code + ": " + f.detail;
                f.profile_href = profile_href + "&change=significant";
            }
            out.findings.push_back(std::move(f));
        }
    }
    if (out.findings.empty()) {
        out.problem = "No survey item of " + out.org_name + " was rated below expected or got significantly worse in " +
                      year + ".";
    }
    return out;
}

std::string Percent(double share) { return svg::Number(share * 100, 1) + "%"; }

nlohmann::json DiversityJson(const partnership::DiversityView& view, bool exact) {
    const std::string withheld = "Fewer than " + std::to_string(partnership::kDiversityDisclosureMinimum);
    auto shown = [&](int count) { return exact || partnership::MayPublishDiversityCount(count); };
    auto count_text = [&](int count) { return shown(count) ? std::to_string(count) : withheld; };

    nlohmann::json dimensions = nlohmann::json::array();
    for (const auto& d : view.dimensions) {
        nlohmann::json rows = nlohmann::json::array();
        bool any_withheld = false;
        bool has_profile = false;
        for (const auto& c : d.categories) {
            const bool visible = shown(c.members);
            any_withheld = any_withheld || !visible;
            has_profile = has_profile || c.expected_share.has_value();
            rows.push_back({{"label", c.label},
                            {"members", visible ? std::to_string(c.members) : withheld},
                            {"share", visible && c.share ? Percent(*c.share) : (visible ? "–" : "Not shown")},
                            {"expected", c.expected_share ? Percent(*c.expected_share) : "–"},
                            {"missing", exact && c.seldom_heard_missing}});
        }
        const bool totals = exact || !any_withheld;
        dimensions.push_back({{"name", std::string(NameOf(partnership::kDiversityDimensions, d.dimension))},
                              {"label", std::string(LabelOf(partnership::kDiversityDimensions, d.dimension))},
                              {"answered", totals ? std::to_string(d.answered) : withheld},
                              {"not_answered", totals ? std::to_string(d.not_answered) : "Not shown"},
                              {"has_profile", has_profile},
                              {"rows", rows}});
    }
    nlohmann::json missing = nlohmann::json::array();
    if (exact) {
        for (const auto& m : view.seldom_heard_missing) missing.push_back(m);
    }
    nlohmann::json tumours = nlohmann::json::array();
    for (const auto& t : view.tumour_spread) {
        if (exact && t.members == 0) continue;  // the exact view lists the tumour types members have
        tumours.push_back({{"tumour_group", t.tumour_group}, {"members", count_text(t.members)}});
    }
    nlohmann::json lapsed = nlohmann::json::array();
    for (const auto& l : view.lapsed) {
        lapsed.push_back(
            {{"name", l.name},
             {"reason", l.reason == partnership::LapseReason::kLeft ? "Left the group" : "No recent attendance"},
             {"left_on", l.left_on ? l.left_on->ToString() : ""},
             {"last_attended", l.last_attended ? l.last_attended->ToString() : "Never"}});
    }
    nlohmann::json j = {{"exact", exact},
                        {"threshold", partnership::kDiversityDisclosureMinimum},
                        {"rule", partnership::kDiversityDisclosureRule},
                        {"members", view.members},
                        {"lay", view.lay},
                        {"professionals", view.professionals},
                        {"voluntary_sector", view.voluntary_sector},
                        {"ratio", view.users_per_professional ? svg::Number(*view.users_per_professional, 1) + " to 1"
                                                              : "No professionals"},
                        {"dimensions", dimensions},
                        {"missing", missing},
                        {"has_missing", !missing.empty()},
                        {"tumours", tumours},
                        {"has_tumours", !tumours.empty()},
                        {"in_treatment", count_text(view.in_or_just_after_treatment)},
                        {"lapsed_count", static_cast<int>(view.lapsed.size())},
                        {"has_lapsed", !view.lapsed.empty()}};
    if (exact) j["lapsed"] = lapsed;
    return j;
}

}  // namespace carevoice::web::partnership_pages
