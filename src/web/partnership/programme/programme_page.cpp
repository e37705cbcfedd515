// The work programme page of a group and year as page data (programme.cpp): the evidence, the candidate
// priorities with the tally of the members' vote, the work items with their measures, the annual review
// and how far next year has been seeded from it, with the forms as typed when one was rejected.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "partnership/annual_review.hpp"
#include "partnership/voting.hpp"
#include "store/programme_settings_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

std::string PersonName(const std::vector<partnership::Person>& people, std::optional<std::int64_t> id) {
    if (!id) return "";
    for (const auto& p : people) {
        if (p.id == *id) return p.name;
    }
    return "";
}

nlohmann::json TallyJson(const ProgrammeData& d) {
    nlohmann::json out = {{"has_tally", false}};
    if (d.priorities.empty()) return out;
    auto tally = partnership::TallyVotes(d.priorities, d.ballots, d.people, partnership::VotingMethod::kRanked);
    if (!tally.ok()) {
        out["tally_problem"] = "The votes cannot be counted: " + tally.status().message();
        return out;
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& t : tally->priorities) {
        rows.push_back({{"title", t.title},
                        {"overall_rank", t.overall_rank},
                        {"total", t.total_points},
                        {"lay", t.lay_points},
                        {"lay_rank", t.lay_rank},
                        {"professional", t.professional_points},
                        {"professional_rank", t.professional_rank},
                        {"voluntary", t.voluntary_sector_points},
                        {"users_first", t.lay_rank == 1 && t.lay_points > 0}});
    }
    const int ballots = tally->lay_ballots + tally->professional_ballots + tally->voluntary_sector_ballots;
    out["has_tally"] = true;
    out["tally"] = rows;
    out["lay_ballots"] = tally->lay_ballots;
    out["professional_ballots"] = tally->professional_ballots;
    out["voluntary_ballots"] = tally->voluntary_sector_ballots;
    out["ballots"] = ballots;
    // Whether users drive the agenda: the report's question (§4.1.2, §5.4).
    std::string verdict;
    if (ballots == 0) {
        verdict = "Nobody has voted yet.";
    } else if (tally->lay_ballots == 0) {
        verdict = "No user or carer has voted yet: the order reflects professionals' and others' votes only.";
    } else {
        const auto& top = tally->priorities.front();
        const partnership::PriorityTally* lay_top = nullptr;
        const partnership::PriorityTally* pro_top = nullptr;
        for (const auto& t : tally->priorities) {
            if (t.lay_rank == 1 && !lay_top) lay_top = &t;
            if (t.professional_rank == 1 && !pro_top) pro_top = &t;
        }
        if (top.lay_rank == 1) {
            verdict = "The top priority, \"" + top.title + "\", is also users' and carers' first choice.";
        } else {
            verdict = "The top priority overall, \"" + top.title + "\", is users' and carers' choice number " +
                      std::to_string(top.lay_rank) + "; their first choice is \"" + (lay_top ? lay_top->title : "") +
                      "\".";
        }
        if (pro_top && lay_top && tally->professional_ballots > 0) {
            verdict += pro_top == lay_top ? " Users and professionals put the same priority first."
                                          : " Users and professionals put different priorities first.";
        }
    }
    out["verdict"] = verdict;
    return out;
}

nlohmann::json MeasureLinks(std::int64_t group_id, const std::vector<improvement::Measure>& measures,
                            std::optional<std::int64_t> work_item_id, bool may_manage) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : measures) {
        if (m.work_item_id != work_item_id) continue;
        const std::string base = GroupPathOf(group_id, "/measures/" + std::to_string(m.id));
        list.push_back({{"name", m.name},
                        {"href", base},
                        {"values_href", base + "/values"},
                        {"may_add_values", may_manage && (m.source == improvement::MeasureSource::kManual ||
                                                          m.source == improvement::MeasureSource::kCsv)},
                        {"from_survey", m.source == improvement::MeasureSource::kCpes},
                        {"from_pathway", m.source == improvement::MeasureSource::kPathway}});
    }
    return list;
}

nlohmann::json WorkItemsJson(std::int64_t group_id, const ProgrammeData& d, bool may_manage) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : d.items) {
        nlohmann::json milestones = nlohmann::json::array();
        int done = 0;
        for (const auto& m : w.milestones) {
            if (m.done_on) ++done;
            milestones.push_back({{"description", m.description},
                                  {"due_on", m.due_on.ToString()},
                                  {"done_on", m.done_on ? m.done_on->ToString() : ""},
                                  {"done", m.done_on.has_value()}});
        }
        std::string priority;
        for (const auto& p : d.priorities) {
            if (w.priority_id && p.id == *w.priority_id) priority = p.title;
        }
        nlohmann::json measures = MeasureLinks(group_id, d.measures, w.id, may_manage);
        list.push_back({{"id", w.id},
                        {"title", w.title},
                        {"smart_aim", w.smart_aim},
                        {"owner", experience_pages::TextOrNull(PersonName(d.people, w.owner_person_id))},
                        {"priority", experience_pages::TextOrNull(priority)},
                        {"people_needed", w.people_needed},
                        {"systems_needed", w.systems_needed},
                        {"funding_needed", w.funding_needed},
                        {"deadline", w.deadline.ToString()},
                        {"status", std::string(LabelOf(partnership::kWorkItemStatuses, w.status))},
                        {"finished", partnership::IsFinished(w.status)},
                        {"milestones", milestones},
                        {"has_milestones", !milestones.empty()},
                        {"milestones_done", std::to_string(done) + " of " + std::to_string(w.milestones.size())},
                        {"measures", measures},
                        {"has_measures", !measures.empty()},
                        {"edit_href", GroupPathOf(group_id, "/programme/work-items/" + std::to_string(w.id))}});
    }
    return list;
}

std::string Lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

// How many of the review's seeds already are next year's candidates (by origin and title).
std::pair<int, int> SeedProgress(const ProgrammeData& d) {
    if (!d.review) return {0, 0};
    const auto seeds = partnership::SeedNextYear(*d.review, d.items);
    int present = 0;
    for (const auto& s : seeds) {
        for (const auto& p : d.next_year) {
            if (p.origin == s.origin && p.title == s.title) {
                ++present;
                break;
            }
        }
    }
    return {present, static_cast<int>(seeds.size())};
}

}  // namespace

void RenderProgramme(RequestContext& ctx, experience_pages::ExperienceCache& cache, const GroupStanding& standing,
                     int year, const FormState& form, int status) {
    const auto& g = standing.group;
    auto loaded = LoadProgramme(ctx.db(), g.id, year);
    if (!loaded.ok()) return ctx.Error(503, Status::Unavailable("The work programme cannot be read now."));
    const ProgrammeData& d = *loaded;
    const bool manage = standing.MayManage();
    SurveyEvidence survey = FindSurveyEvidence(ctx, cache, g.id, year);

    auto recorded = [&](const SurveyFinding& f) {
        for (const auto& e : d.evidence) {
            if (e.kind == f.kind && e.cpes && e.cpes->org_code == survey.org_code &&
                e.cpes->year == survey.survey_year && e.cpes->question == f.question)
                return true;
        }
        return false;
    };
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : survey.findings) {
        findings.push_back({{"kind", std::string(NameOf(partnership::kEvidenceKinds, f.kind))},
                            {"kind_label", std::string(LabelOf(partnership::kEvidenceKinds, f.kind))},
                            {"below", f.kind == partnership::EvidenceKind::kSurveyBelowExpected},
                            {"question", f.question},
                            {"title", f.title},
                            {"detail", f.detail},
                            {"question_href", f.question_href},
                            {"profile_href", f.profile_href},
                            {"recorded", recorded(f)}});
    }

    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& e : d.evidence) {
        nlohmann::json item = {{"id", e.id},
                               {"kind", std::string(LabelOf(partnership::kEvidenceKinds, e.kind))},
                               {"summary", e.summary},
                               {"reference", experience_pages::TextOrNull(e.reference)},
                               {"recorded_on", e.recorded_on.ToString()},
                               {"checked", form.evidence_ids.contains(e.id)}};
        if (e.cpes) {
            item["cpes_href"] = "/experience/questions/" + experience_pages::UrlEncode(e.cpes->question) +
                                "?year=" + std::to_string(e.cpes->year);
            item["cpes_label"] = e.cpes->org_code + " " + std::to_string(e.cpes->year) + " " + e.cpes->question;
        }
        evidence.push_back(item);
    }
    nlohmann::json kinds = nlohmann::json::array();
    const auto kind_value = form.values.contains("evidence_kind") ? form.values.at("evidence_kind") : "";
    for (const auto& k : partnership::kEvidenceKinds) {
        if (partnership::NeedsCpesReference(k.value)) continue;  // those come from the survey table
        kinds.push_back(
            {{"value", std::string(k.name)}, {"label", std::string(k.label)}, {"selected", k.name == kind_value}});
    }

    nlohmann::json priorities = nlohmann::json::array();
    for (const auto& p : d.priorities) {
        nlohmann::json cites = nlohmann::json::array();
        for (auto id : p.evidence_ids) {
            for (const auto& e : d.evidence) {
                if (e.id == id) cites.push_back(e.summary);
            }
        }
        priorities.push_back({{"title", p.title},
                              {"description", p.description},
                              {"origin", std::string(LabelOf(partnership::kPriorityOrigins, p.origin))},
                              {"new", p.origin == partnership::PriorityOrigin::kNew},
                              {"evidence", cites},
                              {"has_evidence", !cites.empty()}});
    }

    // The signed-in member's own ballot.
    std::optional<std::int64_t> me;
    if (ctx.user) {
        auto linked = store::ProgrammeSettingsRepository(ctx.db()).PersonOfUser(g.id, ctx.user->id);
        if (linked.ok()) me = *linked;
    }
    bool voted = false;
    for (const auto& b : d.ballots) voted = voted || (me && b.person_id == *me);

    nlohmann::json review_list = nlohmann::json::array();
    if (d.review) {
        for (const auto& f : d.review->findings) review_list.push_back(f);
    }
    const auto [seeded, seeds] = SeedProgress(d);
    const std::string findings_text = form.values.contains("review_findings") ? form.values.at("review_findings")
                                      : d.review                              ? Lines(d.review->findings)
                                                                              : "";
    DateInput reviewed = form.values.contains("reviewed_on-day")
                             ? DateInput{"reviewed_on", form.values.at("reviewed_on-day"),
                                         form.values.at("reviewed_on-month"), form.values.at("reviewed_on-year")}
                             : DateInputOf("reviewed_on", d.review ? std::optional(d.review->reviewed_on)
                                                                   : std::optional(ctx.app.clock().Today()));

    auto value = [&](const std::string& k) { return form.values.contains(k) ? form.values.at(k) : ""; };
    nlohmann::json data = {
        {"id", g.id},
        {"group_name", g.name},
        {"year", year},
        {"previous_year", year - 1},
        {"next_year", year + 1},
        {"previous_href", ProgrammePath(g.id, year - 1)},
        {"next_href", ProgrammePath(g.id, year + 1)},
        {"may_manage", manage},
        {"may_vote", standing.MayRecord()},
        {"survey_org", survey.org_code},
        {"survey_org_name", experience_pages::TextOrNull(survey.org_name)},
        {"survey_org_chosen", survey.org_chosen},
        {"survey_year", survey.survey_year},
        {"survey_problem", experience_pages::TextOrNull(survey.problem)},
        {"findings", findings},
        {"has_findings", !findings.empty()},
        {"threshold", ctx.app.config().suppression_threshold},
        {"evidence", evidence},
        {"has_evidence", !evidence.empty()},
        {"evidence_kinds", kinds},
        {"evidence_summary", value("evidence_summary")},
        {"evidence_reference", value("evidence_reference")},
        {"org_code", form.values.contains("org_code") ? value("org_code") : survey.org_code},
        {"priorities", priorities},
        {"has_priorities", !priorities.empty()},
        {"priority_title", value("priority_title")},
        {"priority_description", value("priority_description")},
        {"voted", voted},
        {"linked", me.has_value()},
        {"ballot_href", GroupPathOf(g.id, "/programme/ballot?year=" + std::to_string(year))},
        {"tally_csv_href", GroupPathOf(g.id, "/programme/tally.csv?year=" + std::to_string(year))},
        {"items", WorkItemsJson(g.id, d, manage)},
        {"has_items", !d.items.empty()},
        {"new_item_href", GroupPathOf(g.id, "/programme/work-items/new?year=" + std::to_string(year))},
        {"items_csv_href", GroupPathOf(g.id, "/programme/work-items.csv?year=" + std::to_string(year))},
        {"review_exists", d.review.has_value()},
        {"reviewed_on_text", d.review ? d.review->reviewed_on.ToString() : ""},
        {"review_list", review_list},
        {"review_findings", findings_text},
        {"reviewed_on", DateFieldData("reviewed_on", reviewed, "Date of the review",
                                      "For example, 20 1 " + std::to_string(year + 1), "")},
        {"seeds", seeds},
        {"seeded", seeded},
        {"may_seed", manage && d.review.has_value() && seeded < seeds},
        {"all_seeded", d.review.has_value() && seeds > 0 && seeded == seeds},
        {"report_href", GroupPathOf(g.id, "/report?year=" + std::to_string(year))},
        {"diversity_href", GroupPathOf(g.id, "/diversity")},
        {"new_measure_href", GroupPathOf(g.id, "/measures/new")},
        {"may_see_diversity", manage || standing.is_analyst}};
    data.update(TallyJson(d));
    nlohmann::json unlinked = MeasureLinks(g.id, d.measures, std::nullopt, manage);
    data["other_measures"] = unlinked;
    data["has_other_measures"] = !unlinked.empty();
    AddErrors(data, form.problems);
    if (data.contains("reviewed_on_error")) {
        data["reviewed_on"]["has_error"] = true;
        data["reviewed_on"]["error"] = data["reviewed_on_error"];
    }
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Work programme " + std::to_string(year) + ": " + g.name, "partnership_programme", data, status);
}

}  // namespace carevoice::web::partnership_pages
