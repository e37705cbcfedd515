// Reading pathway events in the CSV layout of shared/docs/pathway.md:
//   pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,supersedes
// Strict: an unknown type, an impossible date, a missing required field, a value that is not one of the
// layout's words, an event id used twice for different events or a `supersedes` that names no event of
// the same pathway is a problem naming the line and the field. A file with any problem is refused whole.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

// The layout's columns, in order.
inline constexpr const char* kEventColumns[] = {"pathway_id", "event_id", "date",        "type",
                                                "provider",   "route",    "modality",    "admitted",
                                                "outcome",    "until",    "to_provider", "supersedes"};

struct EventsCsvLimits {
    std::size_t max_problems = 20;    // report at most this many problems (the file is refused anyway)
    std::size_t max_identifier = 64;  // pathway_id, event_id, supersedes
    std::size_t max_provider = 16;    // an ODS code is 3 to 6 characters; leave room
    // true: a `supersedes` must name an event of the same pathway in the file (carevoice clocks reads one
    // file). false: the importer checks it against the file and the events already stored.
    bool supersedes_within_file = true;
};

// The events of the file, in file order. On problems: InvalidArgument whose details name each problem's
// line and field ("line 12, date") and say what is wrong, at most `max_problems` of them.
Result<std::vector<Event>> ReadEventsCsv(std::string_view text, const EventsCsvLimits& limits = {});

// The pieces ReadEventsCsv is made of, for a reader that takes a file apart another way (clocks_file.hpp):
// the header's layout and one record read and checked...
class EventsCsvLayout {
  public:
    // From the header row: InvalidArgument naming each required column that is absent.
    static Result<EventsCsvLayout> FromHeader(const std::vector<std::string_view>& fields);
    // The pathway id field of a record ("" when the record is too short to have one).
    std::string_view PathwayId(const std::vector<std::string_view>& fields) const;
    // The event of the record on `line` into `e`, checked; its problems are appended. False when the event
    // cannot be used at all; an event with any problem appended must not be used either.
    bool Read(const std::vector<std::string_view>& fields, std::size_t line, const EventsCsvLimits& limits, Event& e,
              std::vector<FieldProblem>& problems) const;

  private:
    std::array<int, 12> positions_{};
    std::size_t columns_ = 0;
};

// ...and the checks across the events of one pathway: an event id used twice, and (when
// limits.supersedes_within_file) a correction naming no other event of it; each problem added with its line.
void CheckPathwayEvents(std::vector<const Event*> events, const EventsCsvLimits& limits,
                        std::vector<std::pair<std::size_t, FieldProblem>>& found);

// One event from the layout's twelve fields, in column order (as stored in pathway_events): the same checks
// as the file reader, problems named by column.
Result<Event> EventFromFields(const std::vector<std::string_view>& fields);

// One event back as a CSV row of the layout (for exports and round trips).
std::vector<std::string> EventCsvFields(const Event& e);

// The same row as views into the event, its dates written into `dates` (valid while both live): for
// writing many events without allocating a row each.
struct EventDateTexts {
    std::string date, until;
};
std::array<std::string_view, 12> EventCsvViews(const Event& e, EventDateTexts& dates);

}  // namespace carevoice::pathway
