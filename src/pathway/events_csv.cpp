#include "pathway/events_csv.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/csv.hpp"

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

class LineReader {
  public:
    LineReader(const csv::Header& header, const std::vector<std::string_view>& fields, std::size_t line,
               std::vector<FieldProblem>& problems)
        : header_(header), fields_(fields), line_(line), problems_(problems) {}

    std::string_view Get(const char* column) const {
        const int i = header_.Index(column);
        if (i < 0 || static_cast<std::size_t>(i) >= fields_.size()) return {};
        return fields_[static_cast<std::size_t>(i)];
    }
    void Problem(const char* column, std::string problem) {
        problems_.push_back({"line " + std::to_string(line_) + ", " + column, std::move(problem)});
    }
    bool Required(const char* column, std::string_view what_for) {
        if (!Get(column).empty()) return true;
        Problem(column, "is empty; " + std::string(what_for));
        return false;
    }
    std::size_t line() const { return line_; }

  private:
    const csv::Header& header_;
    const std::vector<std::string_view>& fields_;
    std::size_t line_;
    std::vector<FieldProblem>& problems_;
};

std::optional<CivilDate> ReadDate(LineReader& r, const char* column) {
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
std::optional<T> ReadWord(LineReader& r, const char* column, std::optional<T> (*parse)(std::string_view),
                          const char* words) {
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
            r.Required("route", "a referral needs its route");
            r.Required("provider", "a referral needs the provider it went to");
            break;
        case EventType::kConsultantUpgrade:
            r.Required("provider", "an upgrade needs the provider that made it");
            break;
        case EventType::kAppointmentMissed:
            r.Required("until", "a missed first appointment needs the date the patient rebooked");
            break;
        case EventType::kDiagnosisCommunicated:
            r.Required("outcome", "say whether it was cancer or ruled out");
            break;
        case EventType::kOfferDeclined:
            r.Required("until", "a declined offer needs the date the patient is available");
            r.Required("admitted", "say whether the offered treatment was admitted (yes or no)");
            r.Required("modality", "a declined offer needs the treatment offered");
            break;
        case EventType::kTreatmentStarted:
            r.Required("modality", "a treatment needs its modality");
            r.Required("provider", "a treatment needs the provider that gave it");
            break;
        case EventType::kTransferSent:
            r.Required("provider", "a transfer needs the provider that sent it");
            r.Required("to_provider", "a transfer needs the provider it went to");
            break;
        case EventType::kTransferAccepted:
            r.Required("provider", "say which provider accepted it");
            break;
        default:
            break;
    }
    if (e.until && *e.until < e.date) r.Problem("until", "is before the event's date");
}

// Reads one line's fields into `e`; false when its date or type cannot be read (other problems are only
// recorded). The line's own problems go to the reader.
bool ParseLine(LineReader& r, const EventsCsvLimits& limits, Event& e) {
    e.line = r.line();
    e.pathway_id = std::string(r.Get("pathway_id"));
    e.event_id = std::string(r.Get("event_id"));
    e.provider = std::string(r.Get("provider"));
    e.to_provider = std::string(r.Get("to_provider"));
    e.supersedes = std::string(r.Get("supersedes"));
    for (auto [column, value] : {std::pair{"pathway_id", &e.pathway_id}, std::pair{"event_id", &e.event_id}}) {
        if (value->empty()) {
            r.Problem(column, "is empty");
        } else if (value->size() > limits.max_identifier || !IsIdentifier(*value)) {
            r.Problem(column, "must be at most " + std::to_string(limits.max_identifier) +
                                  " letters, digits, '-', '_', '.', '/' or ':'");
        }
    }
    if (!e.supersedes.empty() && (e.supersedes.size() > limits.max_identifier || !IsIdentifier(e.supersedes))) {
        r.Problem("supersedes", "is not an event id");
    }
    for (auto [column, value] : {std::pair{"provider", &e.provider}, std::pair{"to_provider", &e.to_provider}}) {
        if (!value->empty() && (value->size() > limits.max_provider || !IsOdsCode(*value))) {
            r.Problem(column, "'" + value->substr(0, 20) + "' is not an ODS code (capital letters and digits)");
        }
    }
    const auto date = ReadDate(r, "date");
    if (!date && r.Get("date").empty()) r.Problem("date", "is empty");
    const auto type = ReadWord(r, "type", &ParseEventType, "the event types of the layout");
    if (!type && r.Get("type").empty()) r.Problem("type", "is empty");
    e.route = ReadWord(r, "route", &ParseRoute, "urgent_suspected_cancer, urgent_screening, breast_symptomatic, other");
    e.modality = ReadWord(r, "modality", &ParseModality, "surgery, chemotherapy, radiotherapy, other");
    e.admitted = ReadWord(r, "admitted", &ParseYesNo, "yes, no");
    e.outcome = ReadWord(r, "outcome", &ParseOutcome, "cancer, ruled_out");
    e.until = ReadDate(r, "until");
    if (!date || !type) return false;
    e.date = *date;
    e.type = *type;
    CheckRequired(r, e);
    return true;
}

// The event id an index names, or the id itself: a group's indices, sorted by id, are searched for an id.
std::string_view Id(const std::vector<Event>& events, std::size_t i) { return events[i].event_id; }
std::string_view Id(const std::vector<Event>&, const std::string& id) { return id; }

}  // namespace

Result<std::vector<Event>> ReadEventsCsv(std::string_view text, const EventsCsvLimits& limits) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark from a spreadsheet
    csv::Reader reader(text);
    CV_ASSIGN_OR_RETURN(bool has_header, reader.Next());
    if (!has_header) return Status::InvalidArgument("The events file is empty: it needs a header row.");
    CV_ASSIGN_OR_RETURN(auto header, csv::Header::Parse(reader.fields(), {"pathway_id", "event_id", "date", "type"}));

    // At most one event a line: reserving for them all saves moving every event as the vector grows, and
    // keeps the views below (into the events' pathway ids) valid.
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    std::vector<Event> events;
    events.reserve(lines);
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
        LineReader r(header, fields, reader.line(), problems);
        if (fields.size() != header.size()) {
            r.Problem("row", "has " + std::to_string(fields.size()) + " fields; the header has " +
                                 std::to_string(header.size()));
            continue;
        }
        Event e;
        if (!ParseLine(r, limits, e)) continue;
        if (e.pathway_id.empty() || e.event_id.empty()) continue;
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
    for (auto& group : groups) {
        if (found.size() >= limits.max_problems) break;
        std::stable_sort(group.begin(), group.end(),
                         [&](std::size_t a, std::size_t b) { return events[a].event_id < events[b].event_id; });
        for (std::size_t k = 1; k < group.size(); ++k) {
            const Event& first = events[group[k - 1]];
            const Event& again = events[group[k]];
            if (again.event_id != first.event_id) continue;
            found.push_back({again.line,
                             {"line " + std::to_string(again.line) + ", event_id",
                              "'" + again.event_id + "' is already used on line " + std::to_string(first.line) +
                                  " of this pathway"}});
        }
        if (!limits.supersedes_within_file) continue;
        for (std::size_t i : group) {
            const Event& e = events[i];
            if (e.supersedes.empty()) continue;
            const bool named =
                std::binary_search(group.begin(), group.end(), e.supersedes,
                                   [&](const auto& x, const auto& y) { return Id(events, x) < Id(events, y); });
            if (!named || e.supersedes == e.event_id) {
                found.push_back({e.line,
                                 {"line " + std::to_string(e.line) + ", supersedes",
                                  "'" + e.supersedes + "' names no other event of pathway " + e.pathway_id}});
            }
        }
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
    static const csv::Header header =
        csv::Header::Parse(std::vector<std::string_view>(std::begin(kEventColumns), std::end(kEventColumns)), {})
            .value();
    std::vector<FieldProblem> problems;
    if (fields.size() != header.size()) return Status::InvalidArgument("an event has twelve fields");
    LineReader r(header, fields, 0, problems);
    Event e;
    const bool read = ParseLine(r, EventsCsvLimits{}, e);
    if (!read || !problems.empty()) {
        for (auto& p : problems) p.field = p.field.substr(p.field.find(", ") + 2);  // no line: name the column
        return Status::InvalidArgument("The event is not valid.", std::move(problems));
    }
    return e;
}

std::vector<std::string> EventCsvFields(const Event& e) {
    return {e.pathway_id,
            e.event_id,
            e.date.ToString(),
            std::string(EventTypeName(e.type)),
            e.provider,
            e.route ? std::string(RouteName(*e.route)) : "",
            e.modality ? std::string(ModalityName(*e.modality)) : "",
            e.admitted ? (*e.admitted ? "yes" : "no") : "",
            e.outcome ? std::string(OutcomeName(*e.outcome)) : "",
            e.until ? e.until->ToString() : "",
            e.to_provider,
            e.supersedes};
}

}  // namespace carevoice::pathway
