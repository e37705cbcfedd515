// Every change to a patient's record or pathway, for the pages, the API and the command line alike: one
// transaction each, with its audit entry ("patient.create", "pathway.event.add", "pathway.break_glass",
// …). Audit entries name records by id only, never by a patient's name or NHS number.
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "pathway/events.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "store/pathway_repository.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

Result<pathway::Patient> CreatePatient(store::Connection& conn, const Clock& clock, const pathway::Patient& patient,
                                       const Actor& actor);
// The record's ref is given here ("CV000042", from the new pathway's place in the table) when empty.
Result<pathway::PathwayRecord> CreatePathway(store::Connection& conn, const Clock& clock, pathway::PathwayRecord record,
                                             const Actor& actor);
// An event entered on a page: its event id is given here ("web-7") when empty; a correction names the
// event it supersedes. The same checks as an import (store::PathwayEventsRepository::Add).
Result<pathway::Event> AddPathwayEvent(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                                       pathway::Event event, const Actor& actor);
// Summary, crisis contact, care plan, status: the editable fields of the record.
Status UpdatePathwayRecord(store::Connection& conn, const Clock& clock, const pathway::PathwayRecord& record,
                           const Actor& actor);
// A new key worker; the history keeps the earlier ones.
Status ChangeKeyWorker(store::Connection& conn, const Clock& clock, std::int64_t pathway_id, pathway::KeyWorker worker,
                       const Actor& actor);
Status RecordPathwayPreference(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                               pathway::Preference preference, const Actor& actor);
Result<store::PathwayAction> AddPathwayAction(store::Connection& conn, const Clock& clock, store::PathwayAction action,
                                              const Actor& actor);
Status CompletePathwayAction(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                             std::int64_t action_id, const Actor& actor);

// Break glass: the reason is checked (pathway::BreakGlassReasonProblem, field "reason"); access lasts
// pathway::kBreakGlassSeconds and is listed for admins until reviewed.
Result<store::BreakGlass> BreakGlass(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                                     const std::string& reason, const Actor& actor);
Status ReviewBreakGlass(store::Connection& conn, const Clock& clock, std::int64_t break_glass_id, const Actor& actor);

}  // namespace carevoice::app
