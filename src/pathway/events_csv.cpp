#include "pathway/events_csv.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/memory.hpp"

namespace carevoice::pathway {
namespace {

bool IsIdentifier(std::string_view s) {
    for (char c : s) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == '/' || c == ':';
        if (!ok) return false;
    }
    return !s.empty();
}

bool IsOdsCode(std::string_view s) {
    if (s.size() < 3) return false;
    for (char c : s) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

// The layout's columns, in the order of kEventColumns.
enum class Col : std::size_t {
    kPathwayId,
    kEventId,
    kDate,
    kType,
    kProvider,
    kRoute,
    kModality,
    kAdmitted,
    kOutcome,
    kUntil,
    kToProvider,
    kSupersedes
};
constexpr std::size_t kColumnCount = std::size(kEventColumns);

// Where each column of the layout is in a file's rows (-1: absent), found once from the header.
using Positions = std::array<int, kColumnCount>;
Positions PositionsOf(const csv::Header& header) {
    Positions p{};
    for (std::size_t c = 0; c < kColumnCount; ++c) p[c] = header.Index(kEventColumns[c]);
    return p;
}

class LineReader {
  public:
    LineReader(const Positions& positions, const std::vector<std::string_view>& fields, std::size_t line,
               std::vector<FieldProblem>& problems)
        : positions_(positions), fields_(fields), line_(line), problems_(problems) {}

    std::string_view Get(Col column) const {
        const int i = positions_[static_cast<std::size_t>(column)];
        if (i < 0 || static_cast<std::size_t>(i) >= fields_.size()) return {};
        return fields_[static_cast<std::size_t>(i)];
    }
    void Problem(Col column, std::string problem) {
        problems_.push_back({"line " + std::to_string(line_) + ", " + kEventColumns[static_cast<std::size_t>(column)],
                             std::move(problem)});
    }
    bool Required(Col column, std::string_view what_for) {
        if (!Get(column).empty()) return true;
        Problem(column, "is empty; " + std::string(what_for));
        return false;
    }
    std::size_t line() const { return line_; }

  private:
    const Positions& positions_;
    const std::vector<std::string_view>& fields_;
    std::size_t line_;
    std::vector<FieldProblem>& problems_;
};

std::optional<CivilDate> ReadDate(LineReader& r, Col column) {
    const std::string_view text = r.Get(column);
    if (text.empty()) return std::nullopt;
    auto date = CivilDate::Parse(text);
    if (!date.ok() || date->year() < 1900 || date->year() > 2200) {
        r.Problem(column, "'" + std::string(text.substr(0, 20)) + "' is not a real date as YYYY-MM-DD");
        return std::nullopt;
    }
    return *date;
}

template <typename T>
std::optional<T> ReadWord(LineReader& r, Col column, std::optional<T> (*parse)(std::string_view), const char* words) {
    const std::string_view text = r.Get(column);
    if (text.empty()) return std::nullopt;
    auto value = parse(text);
    if (!value) r.Problem(column, "'" + std::string(text.substr(0, 30)) + "' is not one of " + words);
    return value;
}

std::optional<bool> ParseYesNo(std::string_view s) {
    if (s == "yes") return true;
    if (s == "no") return false;
    return std::nullopt;
}

// The fields each type needs (the layout's "uses" column), checked once the line is read.
void CheckRequired(LineReader& r, const Event& e) {
    switch (e.type) {
        case EventType::kReferralReceived:
            r.Required(Col::kRoute, "a referral needs its route");
            r.Required(Col::kProvider, "a referral needs the provider it went to");
            break;
        case EventType::kConsultantUpgrade:
            r.Required(Col::kProvider, "an upgrade needs the provider that made it");
            break;
        case EventType::kAppointmentMissed:
            r.Required(Col::kUntil, "a missed first appointment needs the date the patient rebooked");
            break;
        case EventType::kDiagnosisCommunicated:
            r.Required(Col::kOutcome, "say whether it was cancer or ruled out");
            break;
        case EventType::kOfferDeclined:
            r.Required(Col::kUntil, "a declined offer needs the date the patient is available");
            r.Required(Col::kAdmitted, "say whether the offered treatment was admitted (yes or no)");
            r.Required(Col::kModality, "a declined offer needs the treatment offered");
            break;
        case EventType::kTreatmentStarted:
            r.Required(Col::kModality, "a treatment needs its modality");
            r.Required(Col::kProvider, "a treatment needs the provider that gave it");
            break;
        case EventType::kTransferSent:
            r.Required(Col::kProvider, "a transfer needs the provider that sent it");
            r.Required(Col::kToProvider, "a transfer needs the provider it went to");
            break;
        case EventType::kTransferAccepted:
            r.Required(Col::kProvider, "say which provider accepted it");
            break;
        default:
            break;
    }
    if (e.until && *e.until < e.date) r.Problem(Col::kUntil, "is before the event's date");
}

// Reads one line's fields into `e`; false when its date or type cannot be read (other problems are only
// recorded). The line's own problems go to the reader.
bool ParseLine(LineReader& r, const EventsCsvLimits& limits, Event& e) {
    e.line = r.line();
    e.pathway_id.assign(r.Get(Col::kPathwayId));
    e.event_id.assign(r.Get(Col::kEventId));
    e.provider.assign(r.Get(Col::kProvider));
    e.to_provider.assign(r.Get(Col::kToProvider));
    e.supersedes.assign(r.Get(Col::kSupersedes));
    for (auto [column, value] : {std::pair{Col::kPathwayId, &e.pathway_id}, std::pair{Col::kEventId, &e.event_id}}) {
        if (value->empty()) {
            r.Problem(column, "is empty");
        } else if (value->size() > limits.max_identifier || !IsIdentifier(*value)) {
            r.Problem(column, "must be at most " + std::to_string(limits.max_identifier) +
                                  " letters, digits, '-', '_', '.', '/' or ':'");
        }
    }
    if (!e.supersedes.empty() && (e.supersedes.size() > limits.max_identifier || !IsIdentifier(e.supersedes))) {
        r.Problem(Col::kSupersedes, "is not an event id");
    }
    for (auto [column, value] : {std::pair{Col::kProvider, &e.provider}, std::pair{Col::kToProvider, &e.to_provider}}) {
        if (!value->empty() && (value->size() > limits.max_provider || !IsOdsCode(*value))) {
            r.Problem(column, "'" + value->substr(0, 20) + "' is not an ODS code (capital letters and digits)");
        }
    }
    const auto date = ReadDate(r, Col::kDate);
    if (!date && r.Get(Col::kDate).empty()) r.Problem(Col::kDate, "is empty");
    const auto type = ReadWord(r, Col::kType, &ParseEventType, "the event types of the layout");
    if (!type && r.Get(Col::kType).empty()) r.Problem(Col::kType, "is empty");
    e.route =
        ReadWord(r, Col::kRoute, &ParseRoute, "urgent_suspected_cancer, urgent_screening, breast_symptomatic, other");
    e.modality = ReadWord(r, Col::kModality, &ParseModality, "surgery, chemotherapy, radiotherapy, other");
    e.admitted = ReadWord(r, Col::kAdmitted, &ParseYesNo, "yes, no");
    e.outcome = ReadWord(r, Col::kOutcome, &ParseOutcome, "cancer, ruled_out");
    e.until = ReadDate(r, Col::kUntil);
    if (!date || !type) return false;
    e.date = *date;
    e.type = *type;
    CheckRequired(r, e);
    return true;
}

// The event id a pointer names, or the id itself: a pathway's events, sorted by id, are searched for an id.
std::string_view Id(const Event* e) { return e->event_id; }
std::string_view Id(const std::string& id) { return id; }

}  // namespace

Result<EventsCsvLayout> EventsCsvLayout::FromHeader(const std::vector<std::string_view>& fields) {
    CV_ASSIGN_OR_RETURN(auto header, csv::Header::Parse(fields, {"pathway_id", "event_id", "date", "type"}));
    EventsCsvLayout layout;
    layout.positions_ = PositionsOf(header);
    layout.columns_ = header.size();
    return layout;
}

std::string_view EventsCsvLayout::PathwayId(const std::vector<std::string_view>& fields) const {
    const int i = positions_[static_cast<std::size_t>(Col::kPathwayId)];
    return i >= 0 && static_cast<std::size_t>(i) < fields.size() ? fields[static_cast<std::size_t>(i)]
                                                                 : std::string_view();
}

bool EventsCsvLayout::Read(const std::vector<std::string_view>& fields, std::size_t line, const EventsCsvLimits& limits,
                           Event& e, std::vector<FieldProblem>& problems) const {
    if (fields.size() != columns_) {
        problems.push_back(
            {"line " + std::to_string(line) + ", row",
             "has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(columns_)});
        return false;
    }
    LineReader r(positions_, fields, line, problems);
    return ParseLine(r, limits, e) && !e.pathway_id.empty() && !e.event_id.empty();
}

void CheckPathwayEvents(std::vector<const Event*> events, const EventsCsvLimits& limits,
                        std::vector<std::pair<std::size_t, FieldProblem>>& found) {
    std::stable_sort(events.begin(), events.end(),
                     [](const Event* a, const Event* b) { return a->event_id < b->event_id; });
    for (std::size_t k = 1; k < events.size(); ++k) {
        const Event& first = *events[k - 1];
        const Event& again = *events[k];
        if (again.event_id != first.event_id) continue;
        found.push_back(
            {again.line,
             {"line " + std::to_string(again.line) + ", event_id",
              "'" + again.event_id + "' is already used on line " + std::to_string(first.line) + " of this pathway"}});
    }
    if (!limits.supersedes_within_file) return;
    for (const Event* e : events) {
        if (e->supersedes.empty()) continue;
        const bool named = std::binary_search(events.begin(), events.end(), e->supersedes,
                                              [](const auto& x, const auto& y) { return Id(x) < Id(y); });
        if (!named || e->supersedes == e->event_id) {
            found.push_back({e->line,
                             {"line " + std::to_string(e->line) + ", supersedes",
                              "'" + e->supersedes + "' names no other event of pathway " + e->pathway_id}});
        }
    }
}

Result<std::vector<Event>> ReadEventsCsv(std::string_view text, const EventsCsvLimits& limits) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark from a spreadsheet
    csv::Reader reader(text);
    CV_ASSIGN_OR_RETURN(bool has_header, reader.Next());
    if (!has_header) return Status::InvalidArgument("The events file is empty: it needs a header row.");
    CV_ASSIGN_OR_RETURN(auto layout, EventsCsvLayout::FromHeader(reader.fields()));

    // At most one event a line: reserving for them all saves moving every event as the vector grows, and
    // keeps the views below (into the events' pathway ids) valid.
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    std::vector<Event> events;
    events.reserve(lines);
    PreferHugePages(events.data(), lines * sizeof(Event));
    std::vector<FieldProblem> problems;
    // Events grouped by pathway (indices into `events`). An extract usually lists a pathway's events
    // together, so the hash is consulted once a run of lines, not once a line.
    std::unordered_map<std::string_view, std::size_t> group_of;
    std::vector<std::vector<std::size_t>> groups;
    std::size_t current = 0;
    while (problems.size() < limits.max_problems) {
        auto more = reader.Next();
        if (!more.ok()) {
            problems.push_back({"line " + std::to_string(reader.line()), more.status().message()});
            break;
        }
        if (!*more) break;
        const auto& fields = reader.fields();
        if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
        Event e;
        if (!layout.Read(fields, reader.line(), limits, e, problems)) continue;
        const Event& kept = events.emplace_back(std::move(e));
        if (groups.empty() || kept.pathway_id != events[groups[current].front()].pathway_id) {
            auto [it, fresh] = group_of.try_emplace(kept.pathway_id, groups.size());
            if (fresh) groups.emplace_back();
            current = it->second;
        }
        groups[current].push_back(events.size() - 1);
    }
    // Within each pathway: an event id used twice, and a correction that names no other event of it.
    std::vector<std::pair<std::size_t, FieldProblem>> found;  // by line, to report in file order
    std::vector<const Event*> members;
    for (const auto& group : groups) {
        if (found.size() >= limits.max_problems) break;
        members.clear();
        for (std::size_t i : group) members.push_back(&events[i]);
        CheckPathwayEvents(members, limits, found);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [line, problem] : found) {
        if (problems.size() >= limits.max_problems) break;
        problems.push_back(std::move(problem));
    }
    if (!problems.empty()) {
        const bool more = problems.size() >= limits.max_problems;
        return Status::InvalidArgument("The events file was not read: " + std::to_string(problems.size()) +
                                           (more                   ? " or more problems"
                                            : problems.size() == 1 ? " problem"
                                                                   : " problems") +
                                           ". Nothing was imported; correct the lines named and try again.",
                                       std::move(problems));
    }
    return events;
}

Result<Event> EventFromFields(const std::vector<std::string_view>& fields) {
    static const Positions positions = PositionsOf(
        csv::Header::Parse(std::vector<std::string_view>(std::begin(kEventColumns), std::end(kEventColumns)), {})
            .value());
    std::vector<FieldProblem> problems;
    if (fields.size() != kColumnCount) return Status::InvalidArgument("an event has twelve fields");
    LineReader r(positions, fields, 0, problems);
    Event e;
    const bool read = ParseLine(r, EventsCsvLimits{}, e);
    if (!read || !problems.empty()) {
        for (auto& p : problems) p.field = p.field.substr(p.field.find(", ") + 2);  // no line: name the column
        return Status::InvalidArgument("The event is not valid.", std::move(problems));
    }
    return e;
}

std::array<std::string_view, 12> EventCsvViews(const Event& e, EventDateTexts& dates) {
    dates.date = e.date.ToString();
    dates.until = e.until ? e.until->ToString() : std::string();
    return {e.pathway_id,
            e.event_id,
            dates.date,
            EventTypeName(e.type),
            e.provider,
            e.route ? RouteName(*e.route) : std::string_view(),
            e.modality ? ModalityName(*e.modality) : std::string_view(),
            e.admitted ? (*e.admitted ? std::string_view("yes") : std::string_view("no")) : std::string_view(),
            e.outcome ? OutcomeName(*e.outcome) : std::string_view(),
            dates.until,
            e.to_provider,
            e.supersedes};
}

std::vector<std::string> EventCsvFields(const Event& e) {
    EventDateTexts dates;
    const auto views = EventCsvViews(e, dates);
    return std::vector<std::string>(views.begin(), views.end());
}

}  // namespace carevoice::pathway
