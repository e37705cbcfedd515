// Benchmarks of issue 3's computations on the real published 2018 results:
//   - parsing the full results file (361,868 rows);
//   - importing it into a fresh SQLite database (parse + one-transaction bulk insert);
//   - rating every 2018 trust question (interval, expected range, rating) plus buddy matching.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/file.hpp"
#include "experience/benchmarking.hpp"
#include "experience/buddy.hpp"
#include "experience/cpes_results_file.hpp"
#include "experience/parameters_file.hpp"
#include "store/experience_repository.hpp"
#include "store/migrations.hpp"

namespace {

using namespace carevoice;

const std::string& ResultsText() {
    static const std::string text = *ReadTextFile(std::string(CAREVOICE_CPES_DIR) + "/cpes_2015_2018_results.csv.gz");
    return text;
}

void BM_ParseResultsFile(benchmark::State& state) {
    const std::string& text = ResultsText();
    for (auto _ : state) {
        auto file = experience::ParseCpesResults(text);
        benchmark::DoNotOptimize(file);
        if (!file.ok()) state.SkipWithError(file.status().message().c_str());
    }
    state.SetItemsProcessed(state.iterations() * 361868);
}
BENCHMARK(BM_ParseResultsFile)->Unit(benchmark::kMillisecond);

// Decompress + parse + validate + write in one transaction, into a new SQLite file each time.
void BM_ImportResultsIntoSqlite(benchmark::State& state) {
    const std::string gz_path = std::string(CAREVOICE_CPES_DIR) + "/cpes_2015_2018_results.csv.gz";
    const std::string db_path = "/tmp/carevoice-bench-import.db";
    std::size_t rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
        auto conn = *store::OpenSqlite(db_path);
        (void)store::Migrate(*conn);
        state.ResumeTiming();
        auto text = ReadTextFile(gz_path);
        auto file = experience::ParseCpesResults(*text);
        auto tx = *store::Transaction::Begin(*conn);
        auto summary = store::ExperienceRepository(*conn).ImportResults(*file, 0);
        if (!summary.ok() || !tx.Commit().ok()) state.SkipWithError("import failed");
        rows = file->rows.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
}
BENCHMARK(BM_ImportResultsIntoSqlite)->Unit(benchmark::kMillisecond)->Iterations(3);

std::vector<experience::PublishedResult> Trust2018() {
    auto file = *experience::ParseCpesResults(ResultsText());
    std::vector<experience::PublishedResult> out;
    for (const auto& r : file.rows) {
        const auto& org = file.organisations[r.organisation];
        if (org.level != experience::OrgLevel::kTrust || r.year != 2018 || r.kind != "adjusted") continue;
        experience::PublishedResult p{org.code, org.name, org.cancer_alliance, std::string(r.question),
                                      r.n,      r.score,  std::nullopt,        std::string(r.rating)};
        if (r.ci_lower && r.ci_upper) p.interval = experience::Interval{*r.ci_lower, *r.ci_upper};
        out.push_back(std::move(p));
    }
    return out;
}

// Every 2018 trust interval, expected range and rating with the published parameters, then buddy matching.
void BM_Rate2018AndMatchBuddies(benchmark::State& state) {
    const auto inputs = Trust2018();
    const auto params = *experience::ParseParametersCsv(
        *ReadTextFile(std::string(CAREVOICE_CPES_DIR) + "/cpes_2018_expected_range_parameters.csv"));
    for (auto _ : state) {
        auto ratings = experience::RateYear(inputs, params, 21);
        auto plan = experience::MatchBuddies(experience::BuddyInputs(*ratings));
        benchmark::DoNotOptimize(plan);
    }
    state.counters["rows"] = static_cast<double>(inputs.size());
}
BENCHMARK(BM_Rate2018AndMatchBuddies)->Unit(benchmark::kMillisecond);

// The same with carevoice's own centre and tau-squared estimated for every question.
void BM_Rate2018OwnEstimate(benchmark::State& state) {
    const auto inputs = Trust2018();
    for (auto _ : state) {
        auto ratings = experience::RateYear(inputs, {}, 21);
        benchmark::DoNotOptimize(ratings);
    }
}
BENCHMARK(BM_Rate2018OwnEstimate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
