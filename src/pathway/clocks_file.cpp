#include "pathway/clocks_file.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "core/csv.hpp"
#include "core/parallel.hpp"
#include "pathway/clocks.hpp"

namespace carevoice::pathway {
namespace {

// Where a record of the file starts, and its line.
struct Record {
    std::size_t offset;
    std::size_t line;
};

// The records of each pathway, and each pathway's id. False when a record cannot even be split into fields,
// has no pathway id or a quoted one: the file is then read the ordinary way.
bool IndexByPathway(std::string_view text, csv::Reader& reader, const EventsCsvLayout& layout,
                    std::vector<std::vector<Record>>& groups, std::vector<std::string_view>& ids) {
    std::unordered_map<std::string_view, std::size_t> group_of;
    std::size_t current = 0;
    while (true) {
        auto more = reader.Next();
        if (!more.ok()) return false;
        if (!*more) break;
        const auto& fields = reader.fields();
        if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
        const std::string_view id = layout.PathwayId(fields);
        // A quoted id is unescaped into the reader's own storage: its view would not outlive the record.
        if (id.empty() || id.data() < text.data() || id.data() >= text.data() + text.size()) return false;
        // Files list a pathway's events together: the hash is consulted once a run of lines.
        if (groups.empty() || id != ids[current]) {
            auto [it, fresh] = group_of.try_emplace(id, groups.size());
            if (fresh) {
                groups.emplace_back();
                ids.push_back(id);
            }
            current = it->second;
        }
        groups[current].push_back({reader.offset(), reader.line()});
    }
    return true;
}

void Append(const PathwayClocks& clocks, ClocksOfFile& out) {
    for (const Clock& c : clocks.clocks) csv::AppendRow(out.csv.back(), ClockCsvFields(clocks.pathway_id, c));
    for (const auto& q : clocks.problems) {
        out.data_quality += "pathway " + clocks.pathway_id + ", event " + q.event_id + ": " + q.problem + "\n";
    }
}

// One slice of the pathways (in id order): their rows and data-quality lines, or false at the first problem.
bool ComputeSlice(std::string_view text, const EventsCsvLayout& layout, const EventsCsvLimits& limits, CivilDate as_of,
                  const std::vector<std::vector<Record>>& groups, const std::vector<std::size_t>& order,
                  std::size_t from, std::size_t to, ClocksOfFile& out) {
    std::vector<FieldProblem> problems;
    std::vector<std::pair<std::size_t, FieldProblem>> found;
    std::vector<Event> events;
    std::vector<const Event*> members;
    csv::Reader reader(text);  // one reader, sent to each record in turn
    // About three clocks a pathway, each row under 80 characters: reserved once rather than doubled.
    out.csv.assign(1, std::string());
    out.csv.back().reserve((to - from) * 3 * 80);
    for (std::size_t k = from; k < to; ++k) {
        events.clear();
        for (const Record& record : groups[order[k]]) {
            reader.Seek(record.offset, record.line);
            auto read = reader.Next();
            if (!read.ok() || !*read) return false;
            if (!layout.Read(reader.fields(), record.line, limits, events.emplace_back(), problems) ||
                !problems.empty()) {
                return false;
            }
        }
        members.clear();
        for (const Event& e : events) members.push_back(&e);
        CheckPathwayEvents(members, limits, found);
        if (!found.empty()) return false;
        Append(ComputeClocks(std::move(events), as_of), out);
    }
    return true;
}

ClocksOfFile Ordinary(std::vector<PathwayClocks> all) {
    ClocksOfFile out;
    out.csv = {csv::Row(ClockCsvColumns()), std::string()};
    for (const auto& clocks : all) Append(clocks, out);
    return out;
}

}  // namespace

Result<ClocksOfFile> ClocksOfEventsFile(std::string_view text, CivilDate as_of, const EventsCsvLimits& limits) {
    const std::string_view whole = text;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte-order mark from a spreadsheet
    // Any problem, or anything out of the ordinary: the file is read the ordinary way, whose report names
    // every problem in file order.
    auto ordinary = [&]() -> Result<ClocksOfFile> {
        CV_ASSIGN_OR_RETURN(auto events, ReadEventsCsv(whole, limits));
        return Ordinary(ComputeAllClocks(std::move(events), as_of));
    };
    csv::Reader reader(text);
    auto has_header = reader.Next();
    if (!has_header.ok() || !*has_header) return ordinary();
    auto layout = EventsCsvLayout::FromHeader(reader.fields());
    if (!layout.ok()) return ordinary();
    std::vector<std::vector<Record>> groups;
    std::vector<std::string_view> ids;
    if (!IndexByPathway(text, reader, *layout, groups, ids)) return ordinary();
    std::vector<std::size_t> order(groups.size());
    for (std::size_t g = 0; g < order.size(); ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });

    const std::size_t workers = WorkersFor(order.size(), kPathwaysPerWorker);
    std::vector<ClocksOfFile> parts(workers);
    std::vector<char> ok(workers, 0);
    RunSlices(order.size(), workers, [&](std::size_t w, std::size_t from, std::size_t to) {
        ok[w] = ComputeSlice(text, *layout, limits, as_of, groups, order, from, to, parts[w]) ? 1 : 0;
    });
    if (std::count(ok.begin(), ok.end(), 0) > 0) return ordinary();
    ClocksOfFile out;
    out.csv.push_back(csv::Row(ClockCsvColumns()));
    for (auto& p : parts) {
        out.csv.push_back(std::move(p.csv.back()));
        out.data_quality += p.data_quality;
    }
    return out;
}

}  // namespace carevoice::pathway
