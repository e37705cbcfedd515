// The partnership pages' forms as a browser sends them, for the HTTP tests of more than one file:
// an impact, a meeting, and the group's edit form sent back unchanged. Compiled into test programs only.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <map>
#include <string>

#include "core/civil_date.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {

// Replaces the value of `key` (a form field sent once).
void SetField(httplib::Params& form, const std::string& key, const std::string& value);

// A complete impact with the given title, public or not.
httplib::Params ImpactForm(Browser& b, std::int64_t group_id, const std::string& title, bool is_public);

// A meeting held on `held_on`, in person at the hospital, with an agenda and two decisions; `attendance`
// gives each person's answer ("attended", "apologies"); nobody else is marked.
httplib::Params MeetingForm(Browser& b, std::int64_t group_id, CivilDate held_on,
                            const std::map<std::int64_t, std::string>& attendance, const std::string& minutes,
                            bool is_public);

// The group's edit form as the page would send it back unchanged, from the stored group and terms.
httplib::Params GroupEditForm(TestServer& server, Browser& b, std::int64_t group_id);

}  // namespace carevoice::web::testing
