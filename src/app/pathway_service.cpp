#include "app/pathway_service.hpp"

#include <cstdio>
#include <functional>
#include <set>

#include "core/text.hpp"
#include "pathway/access.hpp"
#include "store/pathway_events_repository.hpp"

namespace carevoice::app {
namespace {

// Runs `change` and appends its audit entry in one transaction; `change` returns the record id to audit.
Status Audited(store::Connection& conn, const Clock& clock, const Actor& actor, const std::string& action,
               const std::string& record_type, const std::function<Result<std::string>()>& change) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    CV_ASSIGN_OR_RETURN(std::string record_id, change());
    CV_RETURN_IF_ERROR(AppendAudit(conn, clock, actor, action, record_type, record_id, "success"));
    return tx.Commit();
}

// The largest number of events a pathway may have when an event id is chosen for a new one.
constexpr std::size_t kMaxEventsPerPathway = 10000;

}  // namespace

Result<pathway::Patient> CreatePatient(store::Connection& conn, const Clock& clock, const pathway::Patient& patient,
                                       const Actor& actor) {
    pathway::Patient created;
    const Status s = Audited(conn, clock, actor, "patient.create", "patient", [&]() -> Result<std::string> {
        CV_ASSIGN_OR_RETURN(created,
                            store::PathwayRepository(conn).CreatePatient(patient, clock.NowSeconds(), clock.Today()));
        return std::to_string(created.id);
    });
    if (!s.ok()) return s;
    return created;
}

Result<pathway::PathwayRecord> CreatePathway(store::Connection& conn, const Clock& clock, pathway::PathwayRecord record,
                                             const Actor& actor) {
    pathway::PathwayRecord created;
    const Status s = Audited(conn, clock, actor, "pathway.create", "pathway", [&]() -> Result<std::string> {
        if (record.ref.empty()) {
            CV_ASSIGN_OR_RETURN(auto row, conn.QueryOne("SELECT COALESCE(MAX(id), 0) + 1 FROM pathways"));
            char ref[24];
            std::snprintf(ref, sizeof ref, "CV%06lld", static_cast<long long>(row.Int(0)));
            record.ref = ref;
        }
        CV_ASSIGN_OR_RETURN(created, store::PathwayRepository(conn).CreatePathway(record, clock.NowSeconds()));
        return std::to_string(created.id);
    });
    if (!s.ok()) return s;
    return created;
}

Result<pathway::Event> AddPathwayEvent(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                                       pathway::Event event, const Actor& actor) {
    Status s = Audited(conn, clock, actor, "pathway.event.add", "pathway", [&]() -> Result<std::string> {
        store::PathwayEventsRepository events(conn);
        if (event.event_id.empty()) {
            CV_ASSIGN_OR_RETURN(auto stored, events.ListByPathway(event.pathway_id));
            if (stored.size() >= kMaxEventsPerPathway) {
                return Status::InvalidArgument("this pathway has as many events as carevoice keeps");
            }
            std::set<std::string> used;
            for (const auto& e : stored) used.insert(e.event_id);
            for (std::size_t n = stored.size() + 1; event.event_id.empty(); ++n) {
                if (!used.contains("web-" + std::to_string(n))) event.event_id = "web-" + std::to_string(n);
            }
        }
        CV_RETURN_IF_ERROR(events.Add(event, clock.NowSeconds(), actor.username));
        return std::to_string(pathway_id);
    });
    if (!s.ok()) return s;
    return event;
}

Status UpdatePathwayRecord(store::Connection& conn, const Clock& clock, const pathway::PathwayRecord& record,
                           const Actor& actor) {
    return Audited(conn, clock, actor, "pathway.update", "pathway", [&]() -> Result<std::string> {
        CV_RETURN_IF_ERROR(store::PathwayRepository(conn).UpdatePathway(record, clock.NowSeconds()));
        return std::to_string(record.id);
    });
}

Status ChangeKeyWorker(store::Connection& conn, const Clock& clock, std::int64_t pathway_id, pathway::KeyWorker worker,
                       const Actor& actor) {
    worker.assigned_at = clock.NowSeconds();
    worker.assigned_by = actor.username;
    return Audited(conn, clock, actor, "pathway.key_worker", "pathway", [&]() -> Result<std::string> {
        CV_RETURN_IF_ERROR(store::PathwayRepository(conn).AssignKeyWorker(pathway_id, worker));
        return std::to_string(pathway_id);
    });
}

Status RecordPathwayPreference(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                               pathway::Preference preference, const Actor& actor) {
    preference.recorded_at = clock.NowSeconds();
    preference.recorded_by = actor.username;
    return Audited(conn, clock, actor, "pathway.preference", "pathway", [&]() -> Result<std::string> {
        CV_RETURN_IF_ERROR(store::PathwayRepository(conn).RecordPreference(pathway_id, preference));
        return std::to_string(pathway_id);
    });
}

Result<store::PathwayAction> AddPathwayAction(store::Connection& conn, const Clock& clock, store::PathwayAction action,
                                              const Actor& actor) {
    action.created_at = clock.NowSeconds();
    action.created_by = actor.username;
    store::PathwayAction added;
    const Status s = Audited(conn, clock, actor, "pathway.action.add", "pathway", [&]() -> Result<std::string> {
        CV_ASSIGN_OR_RETURN(added, store::PathwayRepository(conn).AddAction(action));
        return std::to_string(action.pathway_id);
    });
    if (!s.ok()) return s;
    return added;
}

Status CompletePathwayAction(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                             std::int64_t action_id, const Actor& actor) {
    return Audited(conn, clock, actor, "pathway.action.complete", "pathway", [&]() -> Result<std::string> {
        CV_RETURN_IF_ERROR(store::PathwayRepository(conn).CompleteAction(pathway_id, action_id, clock.NowSeconds()));
        return std::to_string(pathway_id);
    });
}

Result<store::BreakGlass> BreakGlass(store::Connection& conn, const Clock& clock, std::int64_t pathway_id,
                                     const std::string& reason, const Actor& actor) {
    if (auto problem = pathway::BreakGlassReasonProblem(reason)) {
        return Status::InvalidArgument("the reason is not enough", {{"reason", *problem}});
    }
    if (!actor.user_id) return Status::PermissionDenied("only a signed-in coordinator may break glass");
    store::BreakGlass opened;
    const Status s = Audited(conn, clock, actor, "pathway.break_glass", "pathway", [&]() -> Result<std::string> {
        CV_ASSIGN_OR_RETURN(opened, store::PathwayRepository(conn).OpenBreakGlass(
                                        *actor.user_id, pathway_id, std::string(text::Trim(reason)), clock.NowSeconds(),
                                        pathway::kBreakGlassSeconds));
        return std::to_string(pathway_id);
    });
    if (!s.ok()) return s;
    return opened;
}

Status ReviewBreakGlass(store::Connection& conn, const Clock& clock, std::int64_t break_glass_id, const Actor& actor) {
    return Audited(conn, clock, actor, "pathway.break_glass.review", "break_glass", [&]() -> Result<std::string> {
        CV_RETURN_IF_ERROR(
            store::PathwayRepository(conn).ReviewBreakGlass(break_glass_id, actor.username, clock.NowSeconds()));
        return std::to_string(break_glass_id);
    });
}

}  // namespace carevoice::app
