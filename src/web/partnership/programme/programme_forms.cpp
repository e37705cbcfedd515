// The forms of the work programme page (programme.cpp): adding evidence and candidate priorities, saving
// the annual review, seeding next year's candidates from its findings, and choosing the survey
// organisation. Each change is written in one transaction with its audit entry; a rejected form shows the
// page again with what was typed.
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/annual_review.hpp"
#include "store/organisations_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/programme_settings_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

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

}  // namespace

void AddEvidence(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto begun = BeginProgrammePage(ctx, true);
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
    auto begun = BeginProgrammePage(ctx, true);
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
    auto begun = BeginProgrammePage(ctx, true);
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
    auto begun = BeginProgrammePage(ctx, true);
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
    auto begun = BeginProgrammePage(ctx, true);
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

}  // namespace carevoice::web::partnership_pages
