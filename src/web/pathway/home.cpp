// The pathway home page: a search for a patient (by NHS number or name) and the open pathways of the
// user's organisation. The search is a form POST and its results are rendered from the POST, so no
// patient data ever appears in an address; the audit entry records that a search was made and how many
// records it found, never what was searched for.
#include "core/text.hpp"
#include "store/pathway_access_queries.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/pages.hpp"

namespace carevoice::web::pathway_pages {
namespace {

constexpr std::size_t kMaxOpenPathwaysListed = 100;

nlohmann::json OpenPathwaysJson(RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    auto org = store::UserOrganisationCode(ctx.db(), ctx.user->id);
    if (!org.ok() || org->empty()) return list;
    auto ids = store::OpenPathwaysOfOrganisation(ctx.db(), *org, kMaxOpenPathwaysListed);
    if (!ids.ok()) return list;
    store::PathwayRepository repo(ctx.db());
    for (std::int64_t id : *ids) {
        auto r = repo.FindPathway(id);
        if (!r.ok()) continue;
        auto p = repo.FindPatient(r->patient_id);
        if (!p.ok()) continue;
        list.push_back({{"href", PathwayPath(r->id)},
                        {"ref", r->ref},
                        {"patient", p->FullName()},
                        {"kind", std::string(LabelOf(pathway::kPathwayKinds, r->kind))},
                        {"key_worker", r->key_worker ? r->key_worker->name : "No key worker named"}});
    }
    return list;
}

void RenderHome(RequestContext& ctx, nlohmann::json data, int status = 200) {
    nlohmann::json open = OpenPathwaysJson(ctx);
    data["open_pathways"] = open;
    data["has_open_pathways"] = !open.empty();
    ctx.Page("Pathways", "pathway_home", data, status);
}

void Home(RequestContext& ctx) { RenderHome(ctx, nlohmann::json::object()); }

// One search result: the patient in full when the user may see one of their pathways (or they have
// none yet), otherwise only that a record exists outside the user's organisation.
nlohmann::json ResultJson(RequestContext& ctx, const pathway::Patient& p) {
    store::PathwayRepository repo(ctx.db());
    auto pathways = repo.ListPathwaysOfPatient(p.id);
    bool visible = pathways.ok() && pathways->empty();
    std::int64_t first_pathway = 0;
    if (pathways.ok()) {
        for (const auto& r : *pathways) {
            if (!first_pathway) first_pathway = r.id;
            auto d = DecideForPathway(ctx, r.id);
            if (d.ok() && pathway::IsAllowed(*d)) visible = true;
        }
    }
    if (!visible) return {{"hidden", true}, {"href", PathwayPath(first_pathway)}};
    return {{"href", PatientPath(p.id)},
            {"name", p.FullName()},
            {"nhs_number", pathway::FormatNhsNumber(p.nhs_number)},
            {"date_of_birth", p.date_of_birth.ToLongString()}};
}

void Search(RequestContext& ctx) {
    std::vector<FieldProblem> problems;
    const std::string nhs = ReadText(ctx, "nhs_number", "The NHS number", 20, false, problems);
    const std::string name = ReadText(ctx, "name", "The name", 100, false, problems);
    if (problems.empty() && nhs.empty() && name.empty()) {
        problems.push_back({"nhs_number", "Enter an NHS number or a name to search for"});
    }
    std::vector<std::int64_t> ids;
    if (problems.empty() && !nhs.empty()) {
        auto digits = pathway::ParseNhsNumber(nhs);
        if (!digits.ok()) {
            for (const auto& d : digits.status().details()) problems.push_back({"nhs_number", d.problem});
            if (digits.status().details().empty()) problems.push_back({"nhs_number", "Enter a valid NHS number"});
        } else {
            auto found = store::PathwayRepository(ctx.db()).FindPatientByNhsNumber(*digits);
            if (!found.ok()) return ctx.Error(503, Status::Unavailable("patients cannot be searched now"));
            if (*found) ids.push_back((*found)->id);
        }
    } else if (problems.empty()) {
        auto found = store::SearchPatientsByName(ctx.db(), name);
        if (!found.ok()) return ctx.Error(503, Status::Unavailable("patients cannot be searched now"));
        ids = *found;
    }
    nlohmann::json data = {{"searched", problems.empty()}, {"nhs_number", nhs}, {"name", name}};
    if (!problems.empty()) {
        AddErrors(data, problems);
        ctx.Audit("patient.search", "patient", "", "refused: invalid search");
        return RenderHome(ctx, data, 400);
    }
    nlohmann::json results = nlohmann::json::array();
    store::PathwayRepository repo(ctx.db());
    for (std::int64_t id : ids) {
        auto p = repo.FindPatient(id);
        if (p.ok()) results.push_back(ResultJson(ctx, *p));
    }
    ctx.Audit("patient.search", "patient", "", "success: " + std::to_string(results.size()) + " found");
    data["results"] = results;
    data["has_results"] = !results.empty();
    RenderHome(ctx, data);
}

}  // namespace

void RegisterHomeRoutes(Router& router) {
    router.Add("GET", "/pathway", PatientAccess(), RouteKind::kPage, Home);
    router.Add("POST", "/pathway/search", PatientAccess(), RouteKind::kPage, Search);
}

}  // namespace carevoice::web::pathway_pages
