// The pieces of the partnership demo (partnership_demo.hpp), one file each: the group and its people
// with their meetings, then the work the group does. Internal to the demo library.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::demo {

// The demo writes only through the store's repositories.
using namespace store;  // NOLINT(google-build-using-namespace): internal header of the demo library

struct DemoContext {
    Connection& conn;
    std::int64_t now = 0;
    CivilDate today;
    std::int64_t group_id = 0;
    std::map<std::string, std::int64_t> people;      // by first name
    std::map<std::string, std::int64_t> work_items;  // by a short key
    std::int64_t Person(const std::string& first_name) const { return people.at(first_name); }
};

// partnership_demo_group.cpp: the group, its terms of reference, people, links, staff.
Status AddGroupAndPeople(DemoContext& demo);
// partnership_demo_meetings.cpp: a year of meetings every six weeks, with their actions.
Status AddMeetings(DemoContext& demo);
// partnership_demo_audits.cpp: an environmental audit of the outpatient clinic and its re-audit.
Status AddAudits(DemoContext& demo);
// partnership_demo_programme.cpp: last year's work and review, this year's evidence, priorities,
// ballots and work items.
Status AddWorkProgramme(DemoContext& demo);
// partnership_demo_impact.cpp: impacts, measures and the buddy plan.
Status AddImpactsAndMeasures(DemoContext& demo);

}  // namespace carevoice::demo
