// A group's yearly work programme (the report's Figure 4) on one page per year: (a) the evidence of
// patients' priorities and experience — survey items of the group's organisation rated below expected or
// significantly worse, computed from the published results, and the evidence the group recorded; (b) the
// candidate priorities and the members' vote, lay and professional points side by side; (c) the work
// items; (d) the measures that follow them; (e) the annual review, whose findings seed next year.
// Members vote and see; facilitators, chairs and admins manage; analysts read.
#include "web/partnership/programme/programme.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "partnership/annual_review.hpp"
#include "partnership/voting.hpp"
#include "store/groups_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/programme_settings_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::partnership_pages {
namespace {

// What a rejected form on the programme page had typed, and what was wrong with it.
struct FormState {
    std::map<std::string, std::string> values;
    std::set<std::int64_t> evidence_ids;  // the priority form's ticked evidence
    std::vector<FieldProblem> problems;
};

// Everything the page shows for one group and year, read in one go.
struct ProgrammeData {
    std::vector<partnership::Person> people;
    std::vector<partnership::EvidenceItem> evidence;
    std::vector<partnership::CandidatePriority> priorities;
    std::vector<partnership::Ballot> ballots;
    std::vector<partnership::WorkItem> items;
    std::vector<improvement::Measure> measures;
    std::optional<partnership::AnnualReview> review;
    std::vector<partnership::CandidatePriority> next_year;
};

Result<ProgrammeData> LoadProgramme(store::Connection& conn, std::int64_t group_id, int year) {
    ProgrammeData d;
    store::PrioritiesRepository priorities(conn);
    store::WorkItemsRepository items(conn);
    CV_ASSIGN_OR_RETURN(d.people, store::PeopleRepository(conn).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(d.evidence, priorities.ListEvidence(group_id, year));
    CV_ASSIGN_OR_RETURN(d.priorities, priorities.ListPriorities(group_id, year));
    CV_ASSIGN_OR_RETURN(d.ballots, priorities.ListBallots(group_id, year));
    CV_ASSIGN_OR_RETURN(d.items, items.ListByGroup(group_id, year));
    CV_ASSIGN_OR_RETURN(d.measures, store::MeasuresRepository(conn).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(d.review, items.FindReview(group_id, year));
    CV_ASSIGN_OR_RETURN(d.next_year, priorities.ListPriorities(group_id, year + 1));
    return d;
}

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

// Loads the group and the year, and checks the user may do what `allowed` says; answers the request
// itself and returns nothing when it cannot go on.
std::optional<std::pair<GroupStanding, int>> Begin(RequestContext& ctx, bool manage) {
    return BeginProgrammeRequest(ctx, manage ? &GroupStanding::MayManage : &GroupStanding::MayRead,
                                 manage ? kWhoManagesProgramme : kWhoReadsProgramme);
}

// Runs `write` in one transaction with its audit entry; answers with the error when anything fails.
bool Commit(RequestContext& ctx, const std::function<Result<std::string>()>& write, const std::string& action,
            const std::string& record_type) {
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) {
        ctx.Error(503, tx.status());
        return false;
    }
    auto id = write();
    if (!id.ok()) {
        ctx.Error(HttpStatusFor(id.status()), id.status());
        return false;
    }
    Status audited =
        app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), action, record_type, *id, "success");
    if (!audited.ok()) {
        ctx.Error(503, audited);
        return false;
    }
    if (Status s = tx->Commit(); !s.ok()) {
        ctx.Error(503, s);
        return false;
    }
    return true;
}

void ShowProgramme(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = Begin(ctx, false);
    if (!begun) return;
    RenderProgramme(ctx, cache, begun->first, begun->second, {}, 200);
}

void AddEvidence(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    FormState form;
    for (const char* f : {"evidence_kind", "evidence_summary", "evidence_reference"})
        form.values[f] = std::string(text::Trim(ctx.Param(f)));
    partnership::EvidenceItem item;
    item.group_id = standing.group.id;
    item.programme_year = year;
    item.recorded_on = ctx.app.clock().Today();
    auto kind = ParseName(partnership::kEvidenceKinds, form.values["evidence_kind"]);
    if (!kind) {
        form.problems.push_back({"evidence_kind", "Choose the kind of evidence"});
    } else if (partnership::NeedsCpesReference(*kind)) {
        // A survey item: the figures come from the published results, not from the form.
        const std::string question(text::Trim(ctx.Param("question")));
        SurveyEvidence survey = FindSurveyEvidence(ctx, cache, standing.group.id, year);
        const SurveyFinding* found = nullptr;
        for (const auto& f : survey.findings) {
            if (f.kind == *kind && f.question == question) found = &f;
        }
        if (!found) {
            form.problems.push_back(
                {"survey-evidence", question + " is not a " + std::string(LabelOf(partnership::kEvidenceKinds, *kind)) +
                                        " item of " +
                                        (survey.org_code.empty() ? "the group's organisation" : survey.org_code) +
                                        " in the published results"});
        } else {
            item.kind = *kind;
            item.summary = found->summary;
            item.reference = "National Cancer Patient Experience Survey " + std::to_string(survey.survey_year) +
                             ", published results";
            item.cpes = partnership::CpesReference{survey.org_code, survey.survey_year, question};
            form.values["evidence_kind"] = "";
        }
    } else {
        item.kind = *kind;
        item.summary = form.values["evidence_summary"];
        item.reference = form.values["evidence_reference"];
        if (item.summary.empty()) form.problems.push_back({"evidence_summary", "Enter what the evidence says"});
    }
    if (form.problems.empty()) {
        auto existing = store::PrioritiesRepository(ctx.db()).ListEvidence(standing.group.id, year);
        if (!existing.ok()) return ctx.Error(503, existing.status());
        for (const auto& e : *existing) {
            if (item.cpes && e.kind == item.kind && e.cpes == item.cpes) {
                form.problems.push_back({"survey-evidence", item.cpes->question + " is already recorded as " +
                                                                "evidence for " + std::to_string(year)});
            }
        }
        Status valid = partnership::ValidateEvidenceItem(item);
        for (const auto& p : valid.details()) {
            AddProblem(form.problems, {p.field == "summary" ? "evidence_summary" : "evidence_kind",
                                       "The evidence " + p.field + " " + p.problem});
        }
    }
    if (!form.problems.empty()) return RenderProgramme(ctx, cache, standing, year, form, 422);
    if (!Commit(
            ctx,
            [&]() -> Result<std::string> {
                CV_ASSIGN_OR_RETURN(auto created, store::PrioritiesRepository(ctx.db()).CreateEvidence(
                                                      item, ctx.app.clock().NowSeconds()));
                return std::to_string(created.id);
            },
            "evidence.create", "evidence_item"))
        return;
    ctx.Redirect(ProgrammePath(standing.group.id, year, "#evidence"), "Recorded the evidence.");
}

void AddPriority(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    FormState form;
    form.values["priority_title"] = std::string(text::Trim(ctx.Param("priority_title")));
    form.values["priority_description"] = std::string(text::Trim(ctx.Param("priority_description")));
    partnership::CandidatePriority p;
    p.group_id = standing.group.id;
    p.programme_year = year;
    p.title = form.values["priority_title"];
    p.description = form.values["priority_description"];
    auto evidence = store::PrioritiesRepository(ctx.db()).ListEvidence(standing.group.id, year);
    if (!evidence.ok()) return ctx.Error(503, evidence.status());
    for (const auto& e : *evidence) {
        if (ctx.req.has_param("evidence-" + std::to_string(e.id))) {
            p.evidence_ids.push_back(e.id);
            form.evidence_ids.insert(e.id);
        }
    }
    if (p.title.empty()) form.problems.push_back({"priority_title", "Enter the priority's title"});
    Status valid = partnership::ValidateCandidatePriority(p);
    for (const auto& d : valid.details())
        AddProblem(form.problems, {"priority_title", "The priority's " + d.field + " " + d.problem});
    if (!form.problems.empty()) return RenderProgramme(ctx, cache, standing, year, form, 422);
    if (!Commit(
            ctx,
            [&]() -> Result<std::string> {
                CV_ASSIGN_OR_RETURN(auto created, store::PrioritiesRepository(ctx.db()).CreatePriority(
                                                      p, ctx.app.clock().NowSeconds()));
                return std::to_string(created.id);
            },
            "priority.create", "candidate_priority"))
        return;
    ctx.Redirect(ProgrammePath(standing.group.id, year, "#priorities"), "Added \"" + p.title + "\" to the candidates.");
}

void SaveReview(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    FormState form;
    form.values["review_findings"] = ctx.Param("review_findings");
    const DateInput date = ReadDateInput(ctx, "reviewed_on");
    form.values["reviewed_on-day"] = date.day;
    form.values["reviewed_on-month"] = date.month;
    form.values["reviewed_on-year"] = date.year;
    partnership::AnnualReview review;
    review.group_id = standing.group.id;
    review.programme_year = year;
    for (auto line : text::Split(form.values["review_findings"], '\n')) {
        auto finding = text::Trim(line);
        if (!finding.empty()) review.findings.emplace_back(finding);
    }
    if (review.findings.empty()) {
        form.problems.push_back({"review_findings", "Enter at least one finding, one on each line"});
    }
    auto reviewed_on = ParseDateInput(date, "the date of the review", true, form.problems);
    if (reviewed_on) review.reviewed_on = *reviewed_on;
    if (form.problems.empty()) {
        Status valid = partnership::ValidateAnnualReview(review);
        for (const auto& d : valid.details())
            AddProblem(form.problems, {"review_findings", "The " + d.field + " " + d.problem});
    }
    if (!form.problems.empty()) return RenderProgramme(ctx, cache, standing, year, form, 422);
    if (!Commit(
            ctx,
            [&]() -> Result<std::string> {
                CV_ASSIGN_OR_RETURN(
                    auto saved, store::WorkItemsRepository(ctx.db()).SaveReview(review, ctx.app.clock().NowSeconds()));
                return std::to_string(saved.id);
            },
            "annual_review.save", "annual_review"))
        return;
    ctx.Redirect(ProgrammePath(standing.group.id, year, "#review"),
                 "Saved the review of " + std::to_string(year) + ".");
}

void SeedNextYear(RequestContext& ctx) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto loaded = LoadProgramme(ctx.db(), standing.group.id, year);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    if (!loaded->review) {
        return ctx.Error(422, "invalid_argument",
                         "Record the review of " + std::to_string(year) + " before seeding next year's priorities.",
                         {{"review_findings", "the year has no review yet"}});
    }
    int added = 0;
    if (!Commit(
            ctx,
            [&]() -> Result<std::string> {
                store::PrioritiesRepository priorities(ctx.db());
                for (const auto& seed : partnership::SeedNextYear(*loaded->review, loaded->items)) {
                    bool present = false;
                    for (const auto& p : loaded->next_year)
                        present = present || (p.origin == seed.origin && p.title == seed.title);
                    if (present) continue;
                    partnership::CandidatePriority draft = seed;
                    draft.group_id = standing.group.id;
                    CV_RETURN_IF_ERROR(priorities.CreatePriority(draft, ctx.app.clock().NowSeconds()).status());
                    ++added;
                }
                return std::to_string(loaded->review->id);
            },
            "priority.seed", "annual_review"))
        return;
    ctx.Redirect(ProgrammePath(standing.group.id, year + 1, "#priorities"),
                 added == 0 ? "Next year's candidates already include everything the review seeds."
                            : "Added " + std::to_string(added) + " candidate priorities for " +
                                  std::to_string(year + 1) + " from the review of " + std::to_string(year) + ".");
}

void SetSurveyOrganisation(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    FormState form;
    const std::string code = text::ToUpper(text::Trim(ctx.Param("org_code")));
    form.values["org_code"] = code;
    if (code.empty()) {
        form.problems.push_back({"org_code", "Enter the organisation's ODS code, for example RD8"});
    } else {
        auto org = store::OrganisationsRepository(ctx.db()).FindByCode(code);
        if (!org.ok() && org.status().code() != StatusCode::kNotFound) return ctx.Error(503, org.status());
        if (!org.ok() || (org->level != "trust" && org->level != "ccg" && org->level != "alliance")) {
            form.problems.push_back({"org_code", "There is no trust, CCG or cancer alliance with the code " + code +
                                                     " in the survey results"});
        }
    }
    if (!form.problems.empty()) return RenderProgramme(ctx, cache, standing, year, form, 422);
    if (!Commit(
            ctx,
            [&]() -> Result<std::string> {
                CV_RETURN_IF_ERROR(store::ProgrammeSettingsRepository(ctx.db()).SetSurveyOrganisation(
                    standing.group.id, code, ctx.app.clock().NowSeconds()));
                return std::to_string(standing.group.id);
            },
            "programme.survey_organisation", "group"))
        return;
    ctx.Redirect(ProgrammePath(standing.group.id, year, "#evidence"),
                 "The group's evidence now comes from " + code + ".");
}

void TallyCsv(RequestContext& ctx) {
    auto begun = Begin(ctx, false);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto loaded = LoadProgramme(ctx.db(), standing.group.id, year);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    auto tally = partnership::TallyVotes(loaded->priorities, loaded->ballots, loaded->people,
                                         partnership::VotingMethod::kRanked);
    if (!tally.ok()) return ctx.Error(422, tally.status());
    std::string out = csv::Row({"overall_rank", "priority", "total_points", "lay_points", "lay_rank",
                                "professional_points", "professional_rank", "voluntary_sector_points"});
    for (const auto& t : tally->priorities) {
        out +=
            csv::Row({std::to_string(t.overall_rank), t.title, std::to_string(t.total_points),
                      std::to_string(t.lay_points), std::to_string(t.lay_rank), std::to_string(t.professional_points),
                      std::to_string(t.professional_rank), std::to_string(t.voluntary_sector_points)});
    }
    ctx.Csv("carevoice-priorities-" + std::to_string(standing.group.id) + "-" + std::to_string(year) + ".csv", out);
}

}  // namespace

void RegisterProgrammePageRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    router.Add("GET", "/groups/:id/programme", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowProgramme(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/evidence", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { AddEvidence(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/priorities", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { AddPriority(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/review", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { SaveReview(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/seed", Access::SignedIn(), RouteKind::kPage, SeedNextYear);
    router.Add("POST", "/groups/:id/programme/survey-organisation", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { SetSurveyOrganisation(ctx, *cache); });
    router.Add("GET", "/groups/:id/programme/tally.csv", Access::SignedIn(), RouteKind::kPage, TallyCsv);
}

std::optional<std::pair<GroupStanding, int>> BeginProgrammeRequest(RequestContext& ctx,
                                                                   bool (GroupStanding::*allowed)() const,
                                                                   const char* who_may) {
    auto standing = BeginGroupRequest(ctx, allowed, who_may);
    if (!standing) return std::nullopt;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) {
        ctx.Error(422, year.status());
        return std::nullopt;
    }
    return std::pair<GroupStanding, int>(std::move(*standing), *year);
}

void RegisterProgrammeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    // The programme page's survey evidence is rated from the published results through the experience
    // pages' cache, refreshed on every import.
    RegisterProgrammePageRoutes(router, std::move(cache));
    RegisterBallotRoutes(router);
    RegisterWorkItemRoutes(router);
    RegisterMeasureValueRoutes(router);
    RegisterDiversityRoutes(router);
    RegisterReportRoutes(router);
}

}  // namespace carevoice::web::partnership_pages
