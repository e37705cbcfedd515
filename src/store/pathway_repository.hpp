// Patients and their pathways in storage: the record (pathway/patient.hpp, pathway/record.hpp), the key
// worker's history, preferences with who recorded them, next actions, acknowledged alerts and break-glass
// access. Patient-identifiable: only web/pathway and the app services read it, and they audit every read.
// Writes happen inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct PathwayAction {
    std::int64_t id = 0;
    std::int64_t pathway_id = 0;
    std::string description;
    std::string owner;
    CivilDate due_on;
    std::optional<std::int64_t> done_at;
    std::int64_t created_at = 0;
    std::string created_by;
};

struct AlertAcknowledgement {
    std::int64_t pathway_id = 0;
    std::string rule;
    std::string note;
    std::string acknowledged_by;
    std::int64_t acknowledged_at = 0;
};

struct BreakGlass {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string username;
    std::int64_t pathway_id = 0;
    std::string pathway_ref;
    std::string reason;
    std::int64_t opened_at = 0;
    std::int64_t expires_at = 0;
    std::optional<std::string> reviewed_by;
};

class PathwayRepository {
  public:
    explicit PathwayRepository(Connection& conn) : conn_(conn) {}

    // Patients. Create validates (pathway::ValidatePatient) and refuses a second record of one NHS number.
    Result<pathway::Patient> CreatePatient(const pathway::Patient& patient, std::int64_t now, CivilDate today);
    Result<pathway::Patient> FindPatient(std::int64_t id);
    Result<std::optional<pathway::Patient>> FindPatientByNhsNumber(const std::string& nhs_number);
    Status UpdatePatient(const pathway::Patient& patient, std::int64_t now, CivilDate today);

    // Pathways. Find fills the current key worker and its history and the latest preference of each kind.
    Result<pathway::PathwayRecord> CreatePathway(const pathway::PathwayRecord& record, std::int64_t now);
    Result<pathway::PathwayRecord> FindPathway(std::int64_t id);
    Result<std::optional<pathway::PathwayRecord>> FindPathwayByRef(const std::string& ref);
    Result<std::vector<pathway::PathwayRecord>> ListPathwaysOfPatient(std::int64_t patient_id);
    // Every pathway, light: no history or preferences, the current key worker only (the tracking list).
    Result<std::vector<pathway::PathwayRecord>> ListPathways();
    // The areas (CCG codes) patients live in, by code; no patient is read.
    Result<std::vector<std::string>> ListAreaCodes();
    // The same for the active pathways an organisation may be involved in: it is the prime provider, or
    // the provider or receiving provider of any stored event (superseded ones too, so a superset: the
    // caller decides on the effective events). An empty code: every active pathway.
    Result<std::vector<pathway::PathwayRecord>> ListActivePathwaysInvolving(const std::string& organisation);
    // Summary, crisis contact, care plan, status and death: the editable fields of the record.
    Status UpdatePathway(const pathway::PathwayRecord& record, std::int64_t now);
    Status AssignKeyWorker(std::int64_t pathway_id, const pathway::KeyWorker& worker);
    Status RecordPreference(std::int64_t pathway_id, const pathway::Preference& preference);

    // Next actions: open ones first by due date.
    Result<PathwayAction> AddAction(const PathwayAction& action);
    Status CompleteAction(std::int64_t pathway_id, std::int64_t action_id, std::int64_t now);
    Result<std::vector<PathwayAction>> ListActions(std::int64_t pathway_id);
    // The earliest open action of every pathway, by pathway id.
    Result<std::vector<PathwayAction>> ListNextActions();

    Status Acknowledge(const AlertAcknowledgement& ack);
    Result<std::vector<AlertAcknowledgement>> ListAcknowledgements();

    // Break glass: opening a pathway outside one's organisation, for `seconds`.
    Result<BreakGlass> OpenBreakGlass(std::int64_t user_id, std::int64_t pathway_id, const std::string& reason,
                                      std::int64_t now, std::int64_t seconds);
    Result<bool> HasActiveBreakGlass(std::int64_t user_id, std::int64_t pathway_id, std::int64_t now);
    Result<std::vector<BreakGlass>> ListUnreviewedBreakGlass();
    Status ReviewBreakGlass(std::int64_t id, const std::string& reviewer, std::int64_t now);

  private:
    Result<std::vector<pathway::PathwayRecord>> ListLight(const char* where, const std::vector<Value>& params);
    Status FillDetails(pathway::PathwayRecord& record);
    Connection& conn_;
};

}  // namespace carevoice::store
