// carevoice spc FILE.csv: an XmR chart's figures for analysts (Making Data Count rules).
#include "improvement/spc.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/file.hpp"
#include "improvement/spc_csv.hpp"

namespace carevoice::cli {
namespace {

struct SpcCliOptions {
    std::string file, better = "neutral", format = "csv";
    std::optional<double> target;
    std::vector<std::string> rebase;
    bool keep_large_ranges = false;
};

nlohmann::json Json(const improvement::XmrChart& chart) {
    nlohmann::json points = nlohmann::json::array();
    for (const auto& p : chart.points) {
        nlohmann::json j = {{"date", p.date.ToString()},
                            {"value", p.value},
                            {"segment", p.segment},
                            {"mean", p.mean},
                            {"lower_limit", p.lower_limit},
                            {"upper_limit", p.upper_limit},
                            {"moving_range", p.moving_range ? nlohmann::json(*p.moving_range) : nlohmann::json()},
                            {"moving_range_excluded", p.moving_range_excluded},
                            {"beyond_limit", p.special_causes.beyond_limit != improvement::Side::kNone},
                            {"run_of_7", p.special_causes.run != improvement::Side::kNone},
                            {"trend_of_7", p.special_causes.trend != improvement::Side::kNone},
                            {"two_of_three", p.special_causes.two_of_three != improvement::Side::kNone},
                            {"point_type", std::string(improvement::PointTypeName(p.type))}};
        points.push_back(j);
    }
    return {{"points", points},
            {"variation_icon", std::string(improvement::VariationIconName(chart.variation_icon))},
            {"assurance_icon", std::string(improvement::AssuranceIconName(chart.assurance_icon))},
            {"warnings", chart.warnings}};
}

void Run(const SpcCliOptions& o) {
    auto text = ReadTextFile(o.file);
    if (!text.ok()) throw ExitCode{Fail(text.status())};
    auto observations = improvement::ParseObservationsCsv(*text);
    if (!observations.ok()) throw ExitCode{Fail(observations.status())};
    improvement::SpcOptions options;
    auto direction = improvement::ParseImprovementDirection(o.better);
    if (!direction.ok()) throw ExitCode{Fail(direction.status())};
    options.direction = *direction;
    options.target = o.target;
    for (const auto& r : o.rebase) {
        auto date = CivilDate::Parse(r);
        if (!date.ok()) throw ExitCode{Fail(Status::InvalidArgument("--rebase " + date.status().message()))};
        options.rebase_dates.push_back(*date);
    }
    if (o.keep_large_ranges) options.screening = improvement::MovingRangeScreening::kKeepAll;
    auto chart = improvement::ComputeXmrChart(*observations, options);
    if (!chart.ok()) throw ExitCode{Fail(chart.status())};
    for (const auto& w : chart->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (o.format == "json") {
        std::printf("%s\n", Json(*chart).dump(2).c_str());
    } else {
        std::string out = improvement::FormatChartCsv(*chart);
        std::fwrite(out.data(), 1, out.size(), stdout);
    }
}

}  // namespace

void RegisterSpc(CLI::App& app) {
    auto o = std::make_shared<SpcCliOptions>();
    auto* cmd = app.add_subcommand(
        "spc",
        "Statistical process control (XmR chart) for a measure: reads date,value rows and prints each point with "
        "its mean, process limits, special-cause flags and the variation and assurance icons");
    cmd->add_option("file", o->file, "CSV with a header naming date (YYYY-MM-DD) and value")->required();
    cmd->add_option("--better", o->better, "higher, lower or neutral (default neutral)")
        ->check(CLI::IsMember({"higher", "lower", "neutral"}));
    cmd->add_option("--target", o->target, "The target, for the assurance icon");
    cmd->add_option("--rebase", o->rebase, "Recalculate limits from this date (YYYY-MM-DD); repeatable");
    cmd->add_flag("--keep-large-ranges", o->keep_large_ranges,
                  "Keep moving ranges above 3.267 x the mean moving range (the Making Data Count spreadsheet's way)");
    cmd->add_option("--format", o->format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
    cmd->callback([o] { Run(*o); });
}

}  // namespace carevoice::cli
