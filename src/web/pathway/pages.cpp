// The access step every pathway page takes, the break-glass form, and the pieces every view of a patient
// shows (the key worker and crisis contact at the top, the breadcrumbs).
#include "web/pathway/pages.hpp"

#include <cctype>

#include "core/text.hpp"
#include "store/pathway_access_queries.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::pathway_pages {

std::string PathwayPath(std::int64_t id) { return "/pathways/" + std::to_string(id); }
std::string PatientPath(std::int64_t id) { return "/patients/" + std::to_string(id); }

Result<pathway::AccessDecision> DecideForPathway(RequestContext& ctx, std::int64_t pathway_id) {
    if (!ctx.user) return pathway::AccessDecision::kDenied;
    CV_ASSIGN_OR_RETURN(std::string org, store::UserOrganisationCode(ctx.db(), ctx.user->id));
    CV_ASSIGN_OR_RETURN(auto involved, store::ProvidersInvolved(ctx.db(), pathway_id));
    CV_ASSIGN_OR_RETURN(bool glass, store::PathwayRepository(ctx.db()).HasActiveBreakGlass(
                                        ctx.user->id, pathway_id, ctx.app.clock().NowSeconds()));
    return pathway::DecidePatientAccess(ctx.user->role, org, involved, glass);
}

Result<PatientVisibility> DecideForPatient(RequestContext& ctx, const std::vector<pathway::PathwayRecord>& pathways) {
    PatientVisibility access;
    access.allowed = pathways.empty();
    for (const auto& r : pathways) {
        CV_ASSIGN_OR_RETURN(auto decision, DecideForPathway(ctx, r.id));
        access.pathway_allowed.push_back(pathway::IsAllowed(decision));
        access.allowed = access.allowed || access.pathway_allowed.back();
    }
    return access;
}

std::optional<OpenPathway> BeginPathwayRequest(RequestContext& ctx, const std::string& action) {
    auto id = text::ParseInt(ctx.params["id"]);
    store::PathwayRepository repo(ctx.db());
    auto record = id.ok() ? repo.FindPathway(*id) : Result<pathway::PathwayRecord>(Status::NotFound(""));
    if (!record.ok()) {
        if (record.status().code() == StatusCode::kNotFound) {
            ctx.Error(404, Status::NotFound("there is no such pathway"));
        } else {
            ctx.Error(503, Status::Unavailable("the pathway cannot be read now"));
        }
        return std::nullopt;
    }
    const std::string record_id = std::to_string(record->id);
    auto decision = DecideForPathway(ctx, record->id);
    auto patient = repo.FindPatient(record->patient_id);
    if (!decision.ok() || !patient.ok()) {
        ctx.Error(503, Status::Unavailable("the pathway cannot be read now"));
        return std::nullopt;
    }
    if (*decision == pathway::AccessDecision::kDenied) {
        ctx.Audit(action, "pathway", record_id, "denied");
        ctx.Error(403, "forbidden", "Only coordinators and administrators may see patients' records.");
        return std::nullopt;
    }
    if (*decision == pathway::AccessDecision::kNeedsBreakGlass) {
        ctx.Audit(action, "pathway", record_id, "denied: needs break glass");
        const bool get = ctx.req.method == "GET";
        RenderBreakGlass(ctx, record->id, get ? ctx.req.path : PathwayPath(record->id));
        return std::nullopt;
    }
    ctx.Audit(action, "pathway", record_id,
              *decision == pathway::AccessDecision::kAllowedBreakGlass ? "success: break glass" : "success");
    return OpenPathway{std::move(*record), std::move(*patient), *decision};
}

void RenderBreakGlass(RequestContext& ctx, std::int64_t pathway_id, const std::string& next, const std::string& reason,
                      const std::string& error) {
    nlohmann::json data = {{"action", PathwayPath(pathway_id) + "/break-glass"},
                           {"next", next},
                           {"reason", reason},
                           {"hours", pathway::kBreakGlassSeconds / 3600},
                           {"min_reason", pathway::kMinBreakGlassReason}};
    if (!error.empty()) AddErrors(data, {{"reason", error}});
    ctx.Page("You need a reason to see this record", "pathway_break_glass", data, error.empty() ? 403 : 400);
}

bool AddDomainProblems(const Status& status, const std::map<std::string, std::string>& labels,
                       const std::string& fallback_field, std::vector<FieldProblem>& problems) {
    if (status.code() != StatusCode::kInvalidArgument && status.code() != StatusCode::kAlreadyExists) return false;
    if (status.details().empty()) problems.push_back({fallback_field, status.message()});
    for (const auto& d : status.details()) {
        auto label = labels.find(d.field);
        std::string message = label == labels.end() ? d.problem : label->second + " " + d.problem;
        if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
        forms::AddProblem(problems, {label == labels.end() && d.field.empty() ? fallback_field : d.field, message});
    }
    return true;
}

nlohmann::json CareContactsJson(const pathway::PathwayRecord& r) {
    nlohmann::json j = nlohmann::json::object();
    if (r.key_worker) {
        j["key_worker"] = {{"name", r.key_worker->name},
                           {"role", r.key_worker->role},
                           {"phone", r.key_worker->phone},
                           {"phone_href", text::TelUri(r.key_worker->phone)}};
    }
    if (!r.crisis_contact.name.empty() || !r.crisis_contact.phone.empty()) {
        j["crisis"] = {{"name", r.crisis_contact.name},
                       {"phone", r.crisis_contact.phone},
                       {"phone_href", text::TelUri(r.crisis_contact.phone)}};
    }
    j["edit_href"] = PathwayPath(r.id) + "/edit";
    j["key_worker_href"] = PathwayPath(r.id) + "/key-worker";
    return j;
}

nlohmann::json Breadcrumbs(const pathway::Patient& patient, const pathway::PathwayRecord* record) {
    nlohmann::json crumbs = nlohmann::json::array();
    crumbs.push_back({{"href", "/pathway"}, {"label", "Pathways"}});
    if (record) crumbs.push_back({{"href", PatientPath(patient.id)}, {"label", patient.FullName()}});
    return crumbs;
}

}  // namespace carevoice::web::pathway_pages
