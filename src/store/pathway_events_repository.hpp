// Pathway events in storage (table pathway_events, keyed by pathway ref and event id). Importing is
// idempotent: an event already stored with the same content changes nothing, one stored with different
// content is refused (a correction is a new event that supersedes it, never a silent edit). On SQLite each
// event is inserted once, skipping stored ids, and only the skipped events and the corrections are checked;
// on PostgreSQL the events are copied to a staging table and checked and inserted with three set-based
// statements. Either way a national extract loads in seconds, and an import with any problem writes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "pathway/events.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct EventImportReport {
    std::int64_t read = 0;       // events in the file
    std::int64_t inserted = 0;   // new events stored
    std::int64_t unchanged = 0;  // already stored, identical
};

class PathwayEventsRepository {
  public:
    explicit PathwayEventsRepository(Connection& conn) : conn_(conn) {}

    // Stores `events` (read and checked by pathway::ReadEventsCsv with supersedes_within_file = false).
    // Refused whole, naming the line: an event id stored with different content; a `supersedes` naming no
    // event of the same pathway in the file or in storage. `recorded_by` is who imported (for the record).
    Result<EventImportReport> Import(const std::vector<pathway::Event>& events, std::int64_t now,
                                     const std::string& recorded_by);
    // One event entered on a page or through the API (the same checks).
    Status Add(const pathway::Event& event, std::int64_t now, const std::string& recorded_by);

    // The stored events of one pathway, in the order they were recorded.
    Result<std::vector<pathway::Event>> ListByPathway(const std::string& pathway_ref);
    // Every stored event, in pathway order, for recomputing clocks: read `page_rows` at a time, room made
    // for `expected` events at the start (the count of the last read, say).
    Result<std::vector<pathway::Event>> ListAll(std::size_t expected = 0, std::int64_t page_rows = kListPageRows);
    static constexpr std::int64_t kListPageRows = 20'000;
    Result<std::int64_t> Count();

    // Every stored event of the pathways whose events were written after events version `since` (migration
    // 0016), in pathway order, for recomputing only those; none (read them all instead) when more than
    // `max_pathways` changed, when a write changed too many to list, or when `since` is older than the
    // changes kept (`current` is the events version now).
    Result<std::optional<std::vector<pathway::Event>>> ListChangedSince(std::int64_t since, std::int64_t current,
                                                                        std::int64_t max_pathways);
    // A write of events touching more pathways than this records "everything" rather than each pathway.
    static constexpr std::size_t kMaxChangesListed = 50'000;
    // How many events versions of changes are kept.
    static constexpr std::int64_t kChangesKept = 10'000;

  private:
    Result<EventImportReport> ImportDirect(const std::vector<pathway::Event>& events, std::int64_t now,
                                           const std::string& recorded_by);
    // Records which pathways the write of events version `version` touched, and prunes old records.
    Status RecordChanges(std::int64_t version, const std::set<std::string_view>& pathways);
    // PostgreSQL; `added_to`: the pathways an event was added to.
    Result<EventImportReport> ImportStaged(const std::vector<pathway::Event>& events, std::int64_t now,
                                           const std::string& recorded_by, std::vector<std::string>& added_to);

    Connection& conn_;
};

}  // namespace carevoice::store
