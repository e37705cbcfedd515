#include "app/events_import.hpp"

#include "pathway/events_csv.hpp"

namespace carevoice::app {

Result<store::EventImportReport> ImportEvents(store::Connection& conn, const Clock& clock, std::string_view csv_text,
                                              const Actor& actor) {
    pathway::EventsCsvLimits limits;
    limits.supersedes_within_file = false;  // a correction may name an event imported earlier
    CV_ASSIGN_OR_RETURN(auto events, pathway::ReadEventsCsv(csv_text, limits));
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    CV_ASSIGN_OR_RETURN(auto report,
                        store::PathwayEventsRepository(conn).Import(events, clock.NowSeconds(), actor.username));
    CV_RETURN_IF_ERROR(AppendAudit(
        conn, clock, actor, "pathway.events.import", "pathway_events", "",
        "success: " + std::to_string(report.inserted) + " new, " + std::to_string(report.unchanged) + " unchanged"));
    CV_RETURN_IF_ERROR(tx.Commit());
    return report;
}

}  // namespace carevoice::app
