// One pathway's "lost in the system" alerts (/pathway/tracking/alerts/:ref), opened from the tracking list's
// Alerts column: each alert says why and what to do, and is acknowledged here with a note (POST
// /pathway/tracking/acknowledge). Coordinators see the pathways of their list; admins all. The page shows a
// patient's name, so every view is audited, as the list is.
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "web/http/app.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web {
namespace {

using namespace pathway_tracking;

// The row of `ref` on the user's list, or nullptr when it is not on it (or does not exist: the same answer).
Result<const TrackingRow*> RowOnList(RequestContext& ctx, TrackingCache& cache, const std::string& ref,
                                     std::shared_ptr<const ScopeList>& keep) {
    CV_ASSIGN_OR_RETURN(auto scope, ScopeFor(ctx));
    // The scope's whole list as kept: no filter or sort is needed to find one row.
    CV_ASSIGN_OR_RETURN(auto list, ScopeTrackingList(ctx, cache, scope));
    keep = list.all;  // the rows live as long as this
    for (const TrackingRow& row : keep->rows) {
        if (row.record.ref == ref) return &row;
    }
    return static_cast<const TrackingRow*>(nullptr);
}

// The page; `problem_rule` names the alert whose form `problems` are about (after a refused acknowledgement).
void ShowAlerts(RequestContext& ctx, TrackingCache& cache, const std::string& ref, const std::string& problem_rule,
                const std::vector<FieldProblem>& problems, const std::string& typed_note, int status) {
    std::shared_ptr<const ScopeList> keep;
    auto row = ref.size() > 64 ? Result<const TrackingRow*>(nullptr) : RowOnList(ctx, cache, ref, keep);
    if (!row.ok()) return InternalError(ctx, row.status());
    if (*row == nullptr) {
        return ctx.Error(404, "not_found", "That pathway is not on your tracking list.",
                         {{"ref", "Open the pathway's alerts from the Alerts column of the tracking list."}});
    }
    const TrackingRow& r = **row;
    ctx.Audit("pathway.alerts.view", "pathway", std::to_string(r.record.id), "success");
    nlohmann::json alerts = nlohmann::json::array(), errors = nlohmann::json::array();
    for (const auto& a : r.alerts) {
        const std::string rule(NameOf(pathway::kAlertRules, a.rule));
        nlohmann::json alert = {{"rule", rule},
                                {"label", std::string(LabelOf(pathway::kAlertRules, a.rule))},
                                {"why", a.Why()},
                                {"what_to_do", a.WhatToDo()},
                                {"note_id", "note-" + rule}};
        if (rule == problem_rule && !problems.empty()) {
            alert["note_error"] = problems.front().problem;
            alert["note"] = typed_note;
            errors.push_back({{"field_id", "note-" + rule}, {"message", problems.front().problem}});
        }
        alerts.push_back(std::move(alert));
    }
    ctx.Page("Alerts on pathway " + r.record.ref, "pathway_tracking_alerts",
             {{"id", r.record.id},
              {"ref", r.record.ref},
              {"patient_name", r.patient_name},
              {"provider", r.record.prime_provider},
              {"tumour", r.record.tumour_group},
              {"key_worker", r.record.key_worker ? r.record.key_worker->name : ""},
              {"alerts", alerts},
              {"has_alerts", !alerts.empty()},
              {"acknowledged", r.acknowledged},
              {"max_note", kMaxNote},
              {"errors", errors}},
             status);
}

void PostAcknowledge(RequestContext& ctx, TrackingCache& cache) {
    const std::string ref = ctx.Param("ref"), rule = ctx.Param("rule");
    const std::string note(text::Trim(ctx.Param("note")));
    auto parsed_rule = ParseName(pathway::kAlertRules, rule);
    if (!parsed_rule || ref.empty() || ref.size() > 64) {
        return ctx.Error(400, "invalid_argument", "Acknowledge an alert from the tracking list.",
                         {{parsed_rule ? "ref" : "rule", "is not an alert of a pathway on your list"}});
    }
    auto status = AcknowledgeAlert(ctx, cache, ref, *parsed_rule, note);
    if (status.code() == StatusCode::kInvalidArgument) {
        return ShowAlerts(ctx, cache, ref, rule, status.details(), note, 422);
    }
    if (status.code() == StatusCode::kNotFound) return ctx.Error(404, status);
    if (!status.ok()) return InternalError(ctx, status);
    // Back to the pathway's other alerts while there are some; else to the list.
    std::shared_ptr<const ScopeList> keep;
    auto row = RowOnList(ctx, cache, ref, keep);
    const bool more = row.ok() && *row != nullptr && !(*row)->alerts.empty();
    ctx.Redirect(more ? "/pathway/tracking/alerts/" + ref : "/pathway/tracking",
                 "Alert acknowledged on pathway " + ref + ".");
}

}  // namespace

void RegisterTrackingAlertRoutes(Router& router, const std::shared_ptr<TrackingCache>& cache) {
    const Access who = Access::Roles({Role::kCoordinator, Role::kAdmin});
    router.Add("GET", "/pathway/tracking/alerts/:ref", who, RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowAlerts(ctx, *cache, ctx.params["ref"], "", {}, "", 200); });
    router.Add("POST", "/pathway/tracking/acknowledge", who, RouteKind::kPage,
               [cache](RequestContext& ctx) { PostAcknowledge(ctx, *cache); });
}

}  // namespace carevoice::web
