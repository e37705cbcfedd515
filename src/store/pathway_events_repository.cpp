#include "store/pathway_events_repository.hpp"

#include <algorithm>
#include <array>

#include "core/memory.hpp"
#include "pathway/events_csv.hpp"
#include "store/pathway_tracking_repository.hpp"

namespace carevoice::store {
namespace {

constexpr std::size_t kMaxReported = 20;

// The stored columns of an event, in the order of the layout (pathway::kEventColumns).
constexpr const char* kColumnNames[] = {"pathway_ref", "event_id",   "date",        "type",
                                        "provider",    "route",      "modality",    "admitted",
                                        "outcome",     "until_date", "to_provider", "supersedes"};
// The same, as a list for SQL: "pathway_ref, event_id, …".
const std::string kColumns = [] {
    std::string out;
    for (const char* name : kColumnNames) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}();

std::string Line(std::int64_t line) { return "line " + std::to_string(line); }

FieldProblem Conflict(std::int64_t line, const std::string& event_id) {
    return {Line(line) + ", event_id",
            "'" + event_id + "' is already stored with different details: send a new event that supersedes it"};
}
FieldProblem Conflict(const pathway::Event& e) { return Conflict(static_cast<std::int64_t>(e.line), e.event_id); }

FieldProblem Dangling(std::int64_t line, const std::string& supersedes, const std::string& pathway_ref) {
    return {Line(line) + ", supersedes",
            "'" + supersedes + "' names no event of pathway " + pathway_ref + " in the file or stored"};
}

Status Refused(std::vector<FieldProblem> problems) {
    const auto n = problems.size();
    return Status::InvalidArgument("The events were not imported: " + std::to_string(n) +
                                       (n == 1 ? " problem" : " problems") +
                                       ". Nothing was imported; correct the lines named and try again.",
                                   std::move(problems));
}

// Appends the events of `rows` to `out`.
Status AppendEventsFrom(const std::vector<Row>& rows, std::vector<pathway::Event>& out) {
    std::vector<std::string> text(12);
    std::vector<std::string_view> views(12);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < 12; ++i) {
            // Text is read where it lies; a number or NULL is written out first.
            if (const auto* stored = std::get_if<std::string>(&row.at(i))) {
                views[i] = *stored;
            } else {
                text[i] = row.Text(i);
                views[i] = text[i];
            }
        }
        auto e = pathway::EventFromFields(views);
        if (!e.ok()) {
            return Status::Internal("pathway_events holds an event that is not valid: " + std::string(views[0]) + "/" +
                                    std::string(views[1]));
        }
        out.push_back(std::move(*e));
    }
    return Status::Ok();
}

Result<std::vector<pathway::Event>> EventsFrom(const std::vector<Row>& rows) {
    std::vector<pathway::Event> out;
    out.reserve(rows.size());
    CV_RETURN_IF_ERROR(AppendEventsFrom(rows, out));
    return out;
}

}  // namespace

Result<EventImportReport> PathwayEventsRepository::Import(const std::vector<pathway::Event>& events, std::int64_t now,
                                                          const std::string& recorded_by) {
    if (conn_.engine() == Engine::kPostgres) {
        CV_ASSIGN_OR_RETURN(const std::int64_t version, BumpPathwayEventsVersion(conn_));
        std::vector<std::string> added_to;
        CV_ASSIGN_OR_RETURN(auto report, ImportStaged(events, now, recorded_by, added_to));
        CV_RETURN_IF_ERROR(RecordChanges(version, std::set<std::string_view>(added_to.begin(), added_to.end())));
        return report;
    }
    // A savepoint makes the import all or nothing even where the caller holds no transaction.
    CV_RETURN_IF_ERROR(conn_.ExecuteScript("SAVEPOINT import_events"));
    auto report = ImportDirect(events, now, recorded_by);
    if (!report.ok()) {
        (void)conn_.ExecuteScript("ROLLBACK TO import_events; RELEASE import_events");
        return report.status();
    }
    CV_RETURN_IF_ERROR(conn_.ExecuteScript("RELEASE import_events"));
    return report;
}

// SQLite: each event is inserted once, skipped where its id is stored; only the skipped events are read
// back and compared, and only the corrections looked up.
Result<EventImportReport> PathwayEventsRepository::ImportDirect(const std::vector<pathway::Event>& events,
                                                                std::int64_t now, const std::string& recorded_by) {
    CV_ASSIGN_OR_RETURN(const std::int64_t version, BumpPathwayEventsVersion(conn_));
    EventImportReport report;
    report.read = static_cast<std::int64_t>(events.size());
    std::vector<std::size_t> stored;     // events whose id was already stored
    std::set<std::string_view> touched;  // pathways with an event added
    {
        std::vector<std::string> columns(std::begin(kColumnNames), std::end(kColumnNames));
        columns.insert(columns.end(), {"recorded_at", "recorded_by"});
        CV_ASSIGN_OR_RETURN(auto bulk, conn_.StartBulkInsert("pathway_events", columns, BulkConflict::kSkipStored));
        std::array<ValueRef, 14> row;
        row[12] = now;
        row[13] = std::string_view(recorded_by);
        pathway::EventDateTexts dates;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto fields = pathway::EventCsvViews(events[i], dates);
            std::copy(fields.begin(), fields.end(), row.begin());
            CV_ASSIGN_OR_RETURN(bool added, bulk->AddRowUnlessStored(row));
            if (!added) {
                stored.push_back(i);
            } else if (touched.size() <= kMaxChangesListed) {
                touched.insert(events[i].pathway_id);
            }
        }
        CV_RETURN_IF_ERROR(bulk->Finish());
    }
    std::vector<FieldProblem> problems;
    pathway::EventDateTexts dates;
    const std::string stored_event =
        "SELECT " + kColumns + " FROM pathway_events WHERE pathway_ref = ? AND event_id = ?";
    for (std::size_t i : stored) {
        if (problems.size() >= kMaxReported) break;
        const auto& e = events[i];
        CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne(stored_event, {e.pathway_id, e.event_id}));
        const auto fields = pathway::EventCsvViews(e, dates);
        bool same = true;
        for (std::size_t c = 0; c < fields.size() && same; ++c) same = row.Text(c) == fields[c];
        if (!same) problems.push_back(Conflict(e));
    }
    for (const auto& e : events) {
        if (problems.size() >= kMaxReported) break;
        if (e.supersedes.empty()) continue;
        CV_ASSIGN_OR_RETURN(auto named,
                            conn_.Query("SELECT 1 FROM pathway_events WHERE pathway_ref = ? AND event_id = ?",
                                        {e.pathway_id, e.supersedes}));
        if (named.empty()) problems.push_back(Dangling(static_cast<std::int64_t>(e.line), e.supersedes, e.pathway_id));
    }
    if (!problems.empty()) return Refused(std::move(problems));
    CV_RETURN_IF_ERROR(RecordChanges(version, touched));
    report.unchanged = static_cast<std::int64_t>(stored.size());
    report.inserted = report.read - report.unchanged;
    return report;
}

Result<EventImportReport> PathwayEventsRepository::ImportStaged(const std::vector<pathway::Event>& events,
                                                                std::int64_t now, const std::string& recorded_by,
                                                                std::vector<std::string>& added_to) {
    EventImportReport report;
    report.read = static_cast<std::int64_t>(events.size());
    CV_RETURN_IF_ERROR(conn_.ExecuteScript(
        "CREATE TEMP TABLE IF NOT EXISTS pathway_events_staging ("
        " line BIGINT NOT NULL, pathway_ref TEXT NOT NULL, event_id TEXT NOT NULL, date TEXT NOT NULL,"
        " type TEXT NOT NULL, provider TEXT NOT NULL, route TEXT NOT NULL, modality TEXT NOT NULL,"
        " admitted TEXT NOT NULL, outcome TEXT NOT NULL, until_date TEXT NOT NULL, to_provider TEXT NOT NULL,"
        " supersedes TEXT NOT NULL);"
        "DELETE FROM pathway_events_staging"));
    {
        CV_ASSIGN_OR_RETURN(auto bulk, conn_.StartBulkInsert("pathway_events_staging",
                                                             {"line", "pathway_ref", "event_id", "date", "type",
                                                              "provider", "route", "modality", "admitted", "outcome",
                                                              "until_date", "to_provider", "supersedes"}));
        std::array<ValueRef, 13> row;
        pathway::EventDateTexts dates;
        for (const auto& e : events) {
            const auto fields = pathway::EventCsvViews(e, dates);
            row[0] = static_cast<std::int64_t>(e.line);
            for (std::size_t i = 0; i < 12; ++i) row[i + 1] = fields[i];
            CV_RETURN_IF_ERROR(bulk->AddRow(row));
        }
        CV_RETURN_IF_ERROR(bulk->Finish());
    }
    // An event id already stored with other content: refused (corrections supersede, never edit).
    CV_ASSIGN_OR_RETURN(
        auto conflicts,
        conn_.Query("SELECT s.line, s.event_id FROM pathway_events_staging s JOIN pathway_events e"
                    " ON e.pathway_ref = s.pathway_ref AND e.event_id = s.event_id"
                    " WHERE e.date <> s.date OR e.type <> s.type OR e.provider <> s.provider OR e.route <> s.route"
                    " OR e.modality <> s.modality OR e.admitted <> s.admitted OR e.outcome <> s.outcome"
                    " OR e.until_date <> s.until_date OR e.to_provider <> s.to_provider"
                    " OR e.supersedes <> s.supersedes ORDER BY s.line LIMIT ?",
                    {static_cast<std::int64_t>(kMaxReported)}));
    std::vector<FieldProblem> problems;
    for (const auto& c : conflicts) problems.push_back(Conflict(c.Int(0), c.Text(1)));
    CV_ASSIGN_OR_RETURN(auto dangling,
                        conn_.Query("SELECT s.line, s.supersedes, s.pathway_ref FROM pathway_events_staging s"
                                    " WHERE s.supersedes <> ''"
                                    " AND NOT EXISTS (SELECT 1 FROM pathway_events_staging t"
                                    "   WHERE t.pathway_ref = s.pathway_ref AND t.event_id = s.supersedes)"
                                    " AND NOT EXISTS (SELECT 1 FROM pathway_events e"
                                    "   WHERE e.pathway_ref = s.pathway_ref AND e.event_id = s.supersedes)"
                                    " ORDER BY s.line LIMIT ?",
                                    {static_cast<std::int64_t>(kMaxReported)}));
    for (const auto& d : dangling) problems.push_back(Dangling(d.Int(0), d.Text(1), d.Text(2)));
    if (!problems.empty()) return Refused(std::move(problems));
    // The pathways an event is added to (one more than RecordChanges lists: then it records "everything").
    CV_ASSIGN_OR_RETURN(auto added,
                        conn_.Query("SELECT DISTINCT s.pathway_ref FROM pathway_events_staging s WHERE NOT EXISTS"
                                    " (SELECT 1 FROM pathway_events e WHERE e.pathway_ref = s.pathway_ref AND"
                                    " e.event_id = s.event_id) LIMIT ?",
                                    {static_cast<std::int64_t>(kMaxChangesListed + 1)}));
    for (const auto& row : added) added_to.push_back(row.Text(0));
    CV_ASSIGN_OR_RETURN(
        report.inserted,
        conn_.Execute("INSERT INTO pathway_events (" + kColumns + ", recorded_at, recorded_by) SELECT " + kColumns +
                          ", ?, ? FROM pathway_events_staging s WHERE NOT EXISTS (SELECT 1 FROM pathway_events e"
                          " WHERE e.pathway_ref = s.pathway_ref AND e.event_id = s.event_id)",
                      {now, recorded_by}));
    report.unchanged = report.read - report.inserted;
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM pathway_events_staging").status());
    return report;
}

Status PathwayEventsRepository::Add(const pathway::Event& event, std::int64_t now, const std::string& recorded_by) {
    auto report = Import({event}, now, recorded_by);
    if (!report.ok()) {
        std::vector<FieldProblem> problems = report.status().details();
        for (auto& p : problems) p.field = p.field.substr(p.field.find(", ") + 2);
        return Status::InvalidArgument(report.status().message(), std::move(problems));
    }
    if (report->inserted == 0) return Status::AlreadyExists("that event is already recorded");
    return Status::Ok();
}

Result<std::vector<pathway::Event>> PathwayEventsRepository::ListByPathway(const std::string& pathway_ref) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT " + kColumns +
                                                   " FROM pathway_events WHERE pathway_ref = ? ORDER BY recorded_at, "
                                                   "date, event_id",
                                               {pathway_ref}));
    return EventsFrom(rows);
}

Result<std::vector<pathway::Event>> PathwayEventsRepository::ListAll(std::size_t expected, std::int64_t page_rows) {
    // A page at a time in key order, each page after the last key read: an England-scale year is 22.7 million
    // events, and holding them all as rows beside the events took 18 GB and 107 s (BENCHMARKS.md). Not one
    // transaction (on SQLite that would hold the write lock for the whole read): an event written meanwhile
    // may or may not be read, but it moved the events version, so whoever reads the version next reads again.
    std::vector<pathway::Event> out;
    ReserveInHugePages(out, expected);
    const std::string select = "SELECT " + kColumns + " FROM pathway_events ";
    const std::string order = " ORDER BY pathway_ref, event_id LIMIT ?";
    std::vector<Row> rows;
    for (bool first = true;; first = false) {
        if (first) {
            CV_ASSIGN_OR_RETURN(rows, conn_.Query(select + order, {page_rows}));
        } else {
            const Row& last = rows.back();
            CV_ASSIGN_OR_RETURN(rows, conn_.Query(select + "WHERE (pathway_ref, event_id) > (?, ?)" + order,
                                                  {last.Text(0), last.Text(1), page_rows}));
        }
        CV_RETURN_IF_ERROR(AppendEventsFrom(rows, out));
        if (rows.size() < static_cast<std::size_t>(page_rows)) return out;
    }
}

Status PathwayEventsRepository::RecordChanges(std::int64_t version, const std::set<std::string_view>& pathways) {
    CV_RETURN_IF_ERROR(
        conn_.Execute("DELETE FROM pathway_event_changes WHERE events_version <= ?", {version - kChangesKept})
            .status());
    if (pathways.empty()) return Status::Ok();
    CV_ASSIGN_OR_RETURN(auto bulk, conn_.StartBulkInsert("pathway_event_changes", {"events_version", "pathway_ref"}));
    std::array<ValueRef, 2> row{version, std::string_view("*")};
    if (pathways.size() > kMaxChangesListed) {
        CV_RETURN_IF_ERROR(bulk->AddRow(row));
    } else {
        for (std::string_view ref : pathways) {
            row[1] = ref;
            CV_RETURN_IF_ERROR(bulk->AddRow(row));
        }
    }
    return bulk->Finish();
}

Result<std::optional<std::vector<pathway::Event>>> PathwayEventsRepository::ListChangedSince(
    std::int64_t since, std::int64_t current, std::int64_t max_pathways) {
    using Changed = std::optional<std::vector<pathway::Event>>;
    if (since < current - kChangesKept) return Changed();  // the changes after `since` may be pruned
    // How many pathways changed, and whether a write changed too many to list ('*'): one read.
    CV_ASSIGN_OR_RETURN(auto count, conn_.QueryOne("SELECT COUNT(DISTINCT pathway_ref), COUNT(CASE WHEN"
                                                   " pathway_ref = '*' THEN 1 END) FROM pathway_event_changes"
                                                   " WHERE events_version > ?",
                                                   {since}));
    if (count.Int(0) > max_pathways || count.Int(1) > 0) return Changed();
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT " + kColumns +
                                                   " FROM pathway_events WHERE pathway_ref IN (SELECT pathway_ref FROM"
                                                   " pathway_event_changes WHERE events_version > ?)"
                                                   " ORDER BY pathway_ref, event_id",
                                               {since}));
    CV_ASSIGN_OR_RETURN(auto events, EventsFrom(rows));
    return Changed(std::move(events));
}

Result<std::int64_t> PathwayEventsRepository::Count() {
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT COUNT(*) FROM pathway_events"));
    return row.Int(0);
}

}  // namespace carevoice::store
