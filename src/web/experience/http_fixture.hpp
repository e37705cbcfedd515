// The fixture of the HTTP tests of national benchmarking (http_test.cpp: pages, downloads, the API;
// import_http_test.cpp: the upload page): a small extract of the published 2018 results and one made-up trust.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/csv.hpp"
#include "core/file.hpp"
#include "core/gzip_test_data.hpp"
#include "web/testing/cpes_files.hpp"
#include "web/testing/payloads.hpp"
#include "web/testing/responses.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {

// The published row checked against the profile page (cpes_2015_2018_results.csv.gz):
// Trust,RA9,Torbay and South Devon NHS Foundation Trust,Peninsula,2018,adjusted,...,Q8,414,83,...,above
inline constexpr const char* kTorbay = "RA9";
inline constexpr const char* kPeninsula = "E56000014";
// Strong and weak trusts of 2018 (most questions above, most below), so that buddy matching has pairs.
inline const std::set<std::string> kTrusts = {"RA9", "RCD", "RTF", "RH8", "RGT", "RTD", "RPY",
                                              "RWH", "RAL", "RAP", "R1H", "RD8", "RYJ"};
// The made-up trust: a copy of RA9's 2018 rows whose Q1 (adjusted) and Breast Q2 (tumour group) come
// from 15 respondents, with scores that appear nowhere else. Its name tests formula injection.
inline constexpr const char* kMadeUp = "ZZ1";
inline constexpr const char* kMadeUpName = "=2+3 Test Trust";
inline constexpr const char* kSuppressedScore = "0.7";       // ZZ1 Q1, n = 15
inline constexpr const char* kSuppressedGroupScore = "0.3";  // ZZ1 Breast Q2, n = 15

struct Fixture : CpesFiles {
    int rated_q1 = 0;  // trusts with a 2018 adjusted Q1 score from at least 21 respondents
};

inline Fixture BuildFixture() {
    Fixture f;
    CpesRowFilter filter;
    filter.code_wanted = [](std::string_view code) {
        return kTrusts.contains(std::string(code)) || code.starts_with("E56");
    };
    filter.keep = [&f](const CpesColumnOf& col, std::vector<std::string>& row, std::string& extra) {
        const std::size_t level = col("level"), code = col("org_code"), name = col("org_name"), year = col("year"),
                          kind = col("kind"), group = col("tumour_group"), question = col("question"), n = col("n"),
                          score = col("score"), rating = col("rating");
        const bool alliance_code = row[code].starts_with("E56");
        const bool wanted_kind = (row[year] == "2018" && row[kind] != "yearonyear") ||
                                 (row[kind] == "yearonyear" && (row[year] == "2017" || row[year] == "2018"));
        // Peninsula's 2018 rows, and every alliance's adjusted 2018 rows: alliances are rated against each other.
        const bool wanted_org = kTrusts.contains(row[code]) || (row[code] == kPeninsula && row[year] == "2018") ||
                                (alliance_code && row[year] == "2018" && row[kind] == "adjusted");
        if (!wanted_kind || !wanted_org) return false;
        if (row[level] == "Trust" && row[kind] == "adjusted" && row[question] == "Q1" && !row[score].empty() &&
            std::stoi(row[n]) >= 21) {
            ++f.rated_q1;
        }
        if (row[code] != kTorbay || row[year] != "2018") return true;
        const bool adjusted = row[kind] == "adjusted";
        if (!adjusted && !(row[kind] == "unadjusted" && row[group] == "Breast")) return true;
        std::vector<std::string> copy = row;
        copy[code] = kMadeUp;
        copy[name] = kMadeUpName;
        if (!adjusted && copy[question] == "Q5") copy[n] = "";  // a score published without its n
        if ((adjusted && copy[question] == "Q1") || (!adjusted && copy[question] == "Q2")) {
            copy[n] = "15";
            copy[score] = adjusted ? kSuppressedScore : kSuppressedGroupScore;
            for (const char* c : {"ci_lower", "ci_upper", "expected_lower", "expected_upper"}) copy[col(c)] = "";
            copy[rating] = "";
        }
        // csv::Row guards against formula injection; the name must reach the importer as it is.
        std::string made_up = csv::Row(copy);
        const std::string guarded = "'" + std::string(kMadeUpName);
        made_up.replace(made_up.find(guarded), guarded.size(), kMadeUpName);
        extra += made_up;
        return true;
    };
    static_cast<CpesFiles&>(f) = ReadCpesFiles(filter);
    return f;
}

inline const Fixture& TheFixture() {
    static const Fixture f = BuildFixture();
    return f;
}

// The fixture, with other results.
inline void Import(TestServer& server, const std::string& results) {
    CpesFiles files = TheFixture();
    files.results = results;
    ImportCpes(server, files);
}

// The <tr> of a table row that links to question `q` (profile pages).
inline std::string RowOf(const std::string& html, const std::string& q) {
    const auto at = html.find(">" + q + "</a>");
    if (at == std::string::npos) return "";
    const auto start = html.rfind("<tr", at);
    return html.substr(start, html.find("</tr>", at) - start);
}

// Whether a worksheet has a number cell holding `value` (text cells hold an index into the shared strings
// and are marked t="s").
inline bool HasNumberCell(const std::string& sheet_xml, const std::string& value) {
    std::string escaped;
    for (char c : value) escaped += c == '.' ? std::string("\\.") : std::string(1, c);
    const std::regex cell("<c r=\"[A-Z]+[0-9]+\"( s=\"[0-9]+\")?><v>" + escaped + "</v></c>");
    return std::regex_search(sheet_xml, cell);
}

class ExperienceHttpTest : public ::testing::Test {
  protected:
    // One server with the fixture imported, shared by the tests that only read.
    static void SetUpTestSuite() {
        shared_ = new TestServer();
        Import(*shared_, TheFixture().results);
    }
    static void TearDownTestSuite() {
        delete shared_;
        shared_ = nullptr;
    }
    static httplib::Result Get(const std::string& path) { return Browser(shared_->port()).Get(path); }
    static std::int64_t CountResults(TestServer& server) {
        auto conn = server.app().database().Acquire();
        return conn->QueryOne("SELECT COUNT(*) FROM cpes_results")->Int(0);
    }
    static inline TestServer* shared_ = nullptr;
};

}  // namespace carevoice::web::testing
