#include "web/testing/cpes_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "app/cpes_import.hpp"
#include "core/csv.hpp"
#include "core/file.hpp"
#include "web/testing/payloads.hpp"

namespace carevoice::web::testing {
namespace {

std::string ReadOrFail(const std::string& path) {
    auto text = ReadTextFile(path);
    EXPECT_TRUE(text.ok()) << text.status().ToString();
    return text.ok() ? std::move(*text) : std::string();
}

std::vector<std::string> Fields(std::string_view line) {
    csv::Reader reader(line);
    auto more = reader.Next();
    EXPECT_TRUE(more.ok() && *more) << line;
    if (!more.ok() || !*more) return {};
    return {reader.fields().begin(), reader.fields().end()};
}

}  // namespace

CpesFiles ReadCpesFiles(const CpesRowFilter& filter) {
    const std::string dir = SharedDir() + "/datasets/cpes/";
    CpesFiles f;
    const std::string all = ReadOrFail(dir + "cpes_2015_2018_results.csv.gz");
    f.questions = ReadOrFail(dir + "cpes_2015_2018_questions.csv");
    f.parameters = ReadOrFail(dir + "cpes_2018_expected_range_parameters.csv");
    const std::string_view text = all;
    const std::vector<std::string> header = Fields(text.substr(0, text.find('\n')));
    const CpesColumnOf col = [&](std::string_view name) {
        const auto at = std::find(header.begin(), header.end(), name);
        EXPECT_NE(at, header.end()) << "the results file has no column " << name;
        return static_cast<std::size_t>(at - header.begin());
    };
    f.results = csv::Row(header);
    for (std::size_t pos = text.find('\n') + 1, end = 0; pos < text.size(); pos = end + 1) {
        end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        // The code is the second field (levels and codes hold no commas): read it without parsing the row.
        const std::size_t first = line.find(',');
        if (!filter.code_wanted(line.substr(first + 1, line.find(',', first + 1) - first - 1))) continue;
        std::vector<std::string> row = Fields(line);
        std::string extra;
        if (row.size() == header.size() && filter.keep(col, row, extra)) f.results += csv::Row(row);
        f.results += extra;
    }
    return f;
}

void ImportCpes(TestServer& server, const CpesFiles& files) {
    auto conn = server.app().database().Acquire();
    app::CpesImportRequest request;
    request.results = files.results;
    if (!files.questions.empty()) request.questions = files.questions;
    if (!files.parameters.empty()) request.parameters = files.parameters;
    request.source = "fixture.csv";
    app::Actor actor;
    actor.username = "(test)";
    actor.role = "admin";
    auto report = app::ImportCpes(*conn, server.clock(), request, actor);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
}

}  // namespace carevoice::web::testing
