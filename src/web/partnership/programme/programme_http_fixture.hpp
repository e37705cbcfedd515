// The fixture of the HTTP tests of the work programme (http_test.cpp), its ballot (ballot_http_test.cpp), and
// the diversity view and annual report (report_http_test.cpp), over the demo group, whose "today" is the test
// clock's 2026-09-22.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/partnership_demo.hpp"
#include "partnership/voting.hpp"
#include "store/groups_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/http/app.hpp"
#include "web/render/xlsx.hpp"
#include "web/testing/cpes_files.hpp"
#include "web/testing/demo_group_fixture.hpp"
#include "web/testing/payloads.hpp"

namespace carevoice::web::testing {

inline constexpr int kYear = 2026;  // the test clock's year, and the demo's programme year

// The published results of the demo group's trust (RD8, Milton Keynes University Hospital): its 2018
// case-mix adjusted rows and the 2017–2018 year-on-year rows, with the questions and 2018 parameters.
inline const CpesFiles& Rd8Results() {
    static const CpesFiles files =
        ReadCpesFiles({[](std::string_view code) { return code == "RD8"; },
                       [](const CpesColumnOf& col, std::vector<std::string>& row, std::string&) {
                           const std::string& year = row[col("year")];
                           const std::string& kind = row[col("kind")];
                           return (year == "2018" && kind == "adjusted") ||
                                  (kind == "yearonyear" && (year == "2017" || year == "2018"));
                       }});
    return files;
}

class ProgrammeHttpTest : public DemoGroupHttpTest {
  protected:
    void ImportRd8() { ImportCpes(*server_, Rd8Results()); }

    std::string Programme(int year = kYear) { return GroupPath("/programme?year=" + std::to_string(year)); }
    std::vector<partnership::CandidatePriority> Candidates(int year = kYear) {
        auto conn = server_->app().database().Acquire();
        return *store::PrioritiesRepository(*conn).ListPriorities(group_id_, year);
    }
    std::vector<partnership::WorkItem> WorkItems(int year = kYear) {
        auto conn = server_->app().database().Acquire();
        return *store::WorkItemsRepository(*conn).ListByGroup(group_id_, year);
    }

    // A ranking of every candidate, in their order.
    httplib::Params Ranking(Browser& b, int year = kYear) {
        httplib::Params form = {{"csrf_token", b.CsrfFrom("/account")}, {"programme_year", std::to_string(year)}};
        int rank = 1;
        for (const auto& c : Candidates(year)) form.emplace("rank-" + std::to_string(c.id), std::to_string(rank++));
        return form;
    }

    httplib::Params WorkItemForm(Browser& b, const std::string& title) {
        return {{"csrf_token", b.CsrfFrom("/account")},
                {"programme_year", std::to_string(kYear)},
                {"milestone_rows", "3"},
                {"title", title},
                {"smart_aim", "By December, every patient finishing treatment gets a list of local support"},
                {"owner_person_id", std::to_string(Person("Cora Chair"))},
                {"priority_id", ""},
                {"people_needed", "Two lay members"},
                {"systems_needed", ""},
                {"funding_needed", "Printing, £100"},
                {"deadline-day", "15"},
                {"deadline-month", "12"},
                {"deadline-year", "2026"},
                {"status", "planned"},
                {"milestone-0-description", "Draft the list"},
                {"milestone-0-due-day", "30"},
                {"milestone-0-due-month", "10"},
                {"milestone-0-due-year", "2026"}};
    }
};

}  // namespace carevoice::web::testing
