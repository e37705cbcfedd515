// Shared pieces of the pathway pages (web/pathway/*.cpp): loading the pathway or patient of the path and
// deciding, with pathway::DecidePatientAccess, whether the signed-in user may see it. Routes admit only
// coordinators and admins; this finer check is per pathway (the user's organisation involved, or break
// glass). Every decision is audited; audit entries carry record ids only, never patient data.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pathway/access.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "web/forms/date_input.hpp"
#include "web/forms/fields.hpp"
#include "web/http/access.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::pathway_pages {

using forms::AddErrors;
using forms::DateFieldData;
using forms::DateFieldId;
using forms::DateInput;
using forms::DateInputOf;
using forms::Options;
using forms::ParseDateInput;
using forms::ReadDateInput;
using forms::ReadText;
using forms::SetText;

// Route access of every pathway page: patient-identifiable data is for coordinators and admins only.
inline Access PatientAccess() { return Access::Roles({Role::kCoordinator, Role::kAdmin}); }

inline constexpr std::size_t kShortText = 200;  // names, phones, codes
inline constexpr std::size_t kLongText = 4000;  // the told-once summary, the care plan

// A pathway the user may see, with its patient.
struct OpenPathway {
    pathway::PathwayRecord record;
    pathway::Patient patient;
    pathway::AccessDecision decision = pathway::AccessDecision::kAllowed;
};

// The access decision for one pathway and the signed-in user (who must be signed in).
Result<pathway::AccessDecision> DecideForPathway(RequestContext& ctx, std::int64_t pathway_id);

// Whether the signed-in user may see a patient, on the page and through the API alike: when one of the
// patient's pathways may be seen (DecideForPathway, break glass included), or the patient has none yet.
struct PatientVisibility {
    bool allowed = false;
    std::vector<bool> pathway_allowed;  // for each of `pathways`, in order
};
Result<PatientVisibility> DecideForPatient(RequestContext& ctx, const std::vector<pathway::PathwayRecord>& pathways);

// The first step of every page of one pathway (the path's :id): loads it and decides. Answers the request
// and returns nothing for an unknown pathway (404), an unreadable database (503), a role that never sees
// patients (403) or a coordinator of another organisation without break glass (403 with the break-glass
// form). Audits `action` ("patient.view", "pathway.event.add", …) with the outcome either way.
std::optional<OpenPathway> BeginPathwayRequest(RequestContext& ctx, const std::string& action);

// The break-glass form for a pathway (403): why access is needed; `next` is where to go after.
void RenderBreakGlass(RequestContext& ctx, std::int64_t pathway_id, const std::string& next,
                      const std::string& reason = "", const std::string& error = "");

// The highlighted key worker and 24/7 crisis contact shown at the top of every view of the patient.
nlohmann::json CareContactsJson(const pathway::PathwayRecord& record);
// Breadcrumbs: Pathway home → patient → (pathway).
nlohmann::json Breadcrumbs(const pathway::Patient& patient, const pathway::PathwayRecord* record);
std::string PathwayPath(std::int64_t id);
std::string PatientPath(std::int64_t id);

// The field problems of a domain Status ("nhs_number": "is not a valid NHS number …") as sentences naming
// the field by its label ("NHS number is not a valid …"); a status without details gives one problem on
// `fallback_field`. Internal errors (not InvalidArgument/AlreadyExists) are not shown: returns false.
bool AddDomainProblems(const Status& status, const std::map<std::string, std::string>& labels,
                       const std::string& fallback_field, std::vector<FieldProblem>& problems);

void RegisterHomeRoutes(Router& router);         // home.cpp: /pathway and the search
void RegisterPatientRoutes(Router& router);      // patients.cpp: /patients/new, /patients/:id
void RegisterPathwayViewRoutes(Router& router);  // view.cpp: /pathways/new, /pathways/:id
void RegisterPathwayFormRoutes(Router& router);  // forms.cpp: events, summary, key worker, preferences, actions
void RegisterBreakGlassRoutes(Router& router);   // break_glass.cpp: break glass and the admins' review list

}  // namespace carevoice::web::pathway_pages
