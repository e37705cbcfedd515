// carevoice clocks EVENTS.csv: the cancer waiting-time clocks of every pathway in an events file, for
// analysts and for checking the rules (shared/docs/pathway.md). Needs no database.
#include "pathway/clocks.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/clock.hpp"
#include "core/file.hpp"
#include "pathway/clocks_file.hpp"
#include "pathway/events_csv.hpp"

namespace carevoice::cli {
namespace {

struct ClocksOptions {
    std::string file, as_of, format = "csv";
    bool problems = false;
    std::size_t max_unpacked_mb = 0;
};

nlohmann::json Json(const std::vector<pathway::PathwayClocks>& all) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : all) {
        for (const auto& c : p.clocks) {
            const auto fields = pathway::ClockCsvFields(p.pathway_id, c);
            const auto columns = pathway::ClockCsvColumns();
            nlohmann::json row = nlohmann::json::object();
            for (std::size_t i = 0; i < columns.size(); ++i) {
                const bool numeric =
                    columns[i].ends_with("_days") || columns[i] == "treatment" || columns[i] == "days_to_breach";
                if (fields[i].empty()) {
                    row[columns[i]] = nullptr;
                } else if (numeric) {
                    row[columns[i]] = std::stoi(fields[i]);
                } else {
                    row[columns[i]] = fields[i];
                }
            }
            if (c.allocation) {
                nlohmann::json shares = nlohmann::json::object();
                for (const auto& s : c.allocation->shares) shares[s.provider] = s.share;
                row["allocation"] = c.allocation->allocated ? nlohmann::json(shares) : nlohmann::json("unallocated");
                if (!c.allocation->between.empty()) row["providers_between"] = c.allocation->between;
            }
            rows.push_back(row);
        }
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& p : all) {
        for (const auto& q : p.problems) {
            problems.push_back({{"pathway_id", p.pathway_id}, {"event_id", q.event_id}, {"problem", q.problem}});
        }
    }
    return {{"clocks", rows}, {"data_quality_problems", problems}};
}

void Run(const ClocksOptions& o) {
    CivilDate as_of = SystemClock().Today();
    if (!o.as_of.empty()) {
        auto parsed = CivilDate::Parse(o.as_of);
        if (!parsed.ok()) {
            throw ExitCode{Fail(Status::InvalidArgument("--as-of '" + o.as_of + "' is not a date as YYYY-MM-DD"))};
        }
        as_of = *parsed;
    }
    auto text = ReadTextFile(o.file, o.max_unpacked_mb << 20);
    if (!text.ok()) throw ExitCode{Fail(WithMaxUnpackedHint(text.status()))};
    if (o.format == "json") {
        auto events = pathway::ReadEventsCsv(*text);
        if (!events.ok()) throw ExitCode{Fail(events.status())};
        std::printf("%s\n", Json(pathway::ComputeAllClocks(std::move(*events), as_of)).dump(2).c_str());
        return;
    }
    auto clocks = pathway::ClocksOfEventsFile(*text, as_of);
    if (!clocks.ok()) throw ExitCode{Fail(clocks.status())};
    for (const auto& piece : clocks->csv) std::fwrite(piece.data(), 1, piece.size(), stdout);
    // Data-quality problems go to stderr so that the CSV stays one table.
    for (std::size_t at = 0; at < clocks->data_quality.size();) {
        const std::size_t end = clocks->data_quality.find('\n', at);
        std::fprintf(stderr, "data quality: %.*s\n", static_cast<int>(end - at), clocks->data_quality.data() + at);
        at = end + 1;
    }
}

}  // namespace

void RegisterClocks(CLI::App& app) {
    auto o = std::make_shared<ClocksOptions>();
    auto* cmd = app.add_subcommand(
        "clocks",
        "Cancer waiting-time clocks (28-day FDS, 62-day, 31-day) of every pathway in an events CSV: start, stop, "
        "adjustments, wait, status, days to breach and the 62-day allocation between providers. Needs no database");
    cmd->add_option("file", o->file,
                    "events CSV (.csv or .csv.gz): pathway_id,event_id,date,type,provider,route,modality,admitted,"
                    "outcome,until,to_provider,supersedes")
        ->required();
    cmd->add_option("--as-of", o->as_of, "count days to breach of open clocks from this date (default: today)");
    cmd->add_option("--format", o->format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
    AddMaxUnpackedOption(*cmd, o->max_unpacked_mb);
    cmd->callback([o] { Run(*o); });
}

}  // namespace carevoice::cli
