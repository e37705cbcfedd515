#include "web/testing/partnership_forms.hpp"

#include <gtest/gtest.h>

#include "partnership/group.hpp"
#include "partnership/terms_of_reference.hpp"
#include "store/groups_repository.hpp"

namespace carevoice::web::testing {
namespace {

std::string GroupPath(std::int64_t group_id, const std::string& rest) {
    return "/groups/" + std::to_string(group_id) + rest;
}

}  // namespace

void SetField(httplib::Params& form, const std::string& key, const std::string& value) {
    form.erase(key);
    form.emplace(key, value);
}

httplib::Params ImpactForm(Browser& b, std::int64_t group_id, const std::string& title, bool is_public) {
    httplib::Params form = {{"csrf_token", b.CsrfFrom(GroupPath(group_id, "/impacts/new"))},
                            {"title", title},
                            {"occurred_on-day", "1"},
                            {"occurred_on-month", "9"},
                            {"occurred_on-year", "2026"},
                            {"kind", "patient_information"},
                            {"organisation", "Milton Keynes University Hospital"},
                            {"influence", "strong"},
                            {"domain", "treatment_and_services"},
                            {"involvement", "partnership"},
                            {"you_said", "The chemotherapy leaflet was hard to follow"},
                            {"we_did", "Rewrote it with the chemotherapy nurses"},
                            {"difference_made", "Fewer calls to the helpline about side effects"},
                            {"fed_back_to", "Patients at the day unit"},
                            {"fed_back_on-day", "20"},
                            {"fed_back_on-month", "9"},
                            {"fed_back_on-year", "2026"},
                            {"fed_back_how", "Newsletter"}};
    if (is_public) form.emplace("is_public", "yes");
    return form;
}

httplib::Params MeetingForm(Browser& b, std::int64_t group_id, CivilDate held_on,
                            const std::map<std::int64_t, std::string>& attendance, const std::string& minutes,
                            bool is_public) {
    httplib::Params form = {{"csrf_token", b.CsrfFrom(GroupPath(group_id, "/meetings/new"))},
                            {"held_on-day", std::to_string(held_on.day())},
                            {"held_on-month", std::to_string(held_on.month())},
                            {"held_on-year", std::to_string(held_on.year())},
                            {"mode", "in_person"},
                            {"place", "Partnership room, Milton Keynes University Hospital"},
                            {"agenda", "1. Welcome\n2. The new leaflet"},
                            {"minutes", minutes},
                            {"decisions", "Adopt the new leaflet\n\nAsk the board for funding"}};
    for (const auto& [person, answer] : attendance) form.emplace("attendance-" + std::to_string(person), answer);
    if (is_public) form.emplace("minutes_public", "yes");
    return form;
}

httplib::Params GroupEditForm(TestServer& server, Browser& b, std::int64_t group_id) {
    auto conn = server.app().database().Acquire();
    store::GroupsRepository groups(*conn);
    auto group = groups.Find(group_id);
    auto terms = groups.FindTermsOfReference(group_id);
    EXPECT_TRUE(group.ok() && terms.ok() && terms->has_value()) << "the group and its terms of reference";
    if (!group.ok() || !terms.ok() || !terms->has_value()) return {};
    const partnership::Group& g = *group;
    const partnership::TermsOfReference& t = **terms;
    httplib::Params form = {
        {"csrf_token", b.CsrfFrom(GroupPath(group_id, "/edit"))},
        {"name", g.name},
        {"area_kind", std::string(NameOf(partnership::kAreaKinds, g.area_kind))},
        {"area_name", g.area_name},
        {"model", g.model ? std::string(NameOf(partnership::kGroupModels, *g.model)) : "none"},
        {"model_description", g.model_description},
        {"year_founded", g.year_founded ? std::to_string(*g.year_founded) : ""},
        {"meeting_interval_weeks", g.meeting_interval_weeks ? std::to_string(*g.meeting_interval_weeks) : ""},
        {"contact_postal_address", g.contact_postal_address},
        {"contact_phone", g.contact_phone},
        {"contact_email", g.contact_email},
        {"link_rows", std::to_string(g.links.size() + 2)},
        {"document_text", t.document_text},
        {"document_url", t.document_url},
        {"chair_eligibility", std::string(NameOf(partnership::kChairEligibilities, t.chair_eligibility))},
        {"chair_term_min_months", std::to_string(t.chair_term_min_months)},
        {"chair_term_max_months", std::to_string(t.chair_term_max_months)},
        {"re_election_gap_months", std::to_string(t.re_election_gap_months)},
        {"vice_chairs", std::to_string(t.vice_chairs)},
        {"quorum", std::to_string(t.quorum)},
        {"quorum_lay", std::to_string(t.quorum_lay)},
        {"review_date-day", std::to_string(t.review_date.day())},
        {"review_date-month", std::to_string(t.review_date.month())},
        {"review_date-year", std::to_string(t.review_date.year())}};
    for (std::size_t at = 0; at < g.links.size(); ++at) {
        const std::string prefix = "link-" + std::to_string(at + 1) + "-";
        form.emplace(prefix + "kind", std::string(NameOf(partnership::kLinkedBodyKinds, g.links[at].kind)));
        form.emplace(prefix + "body_name", g.links[at].body_name);
        for (std::int64_t id : g.links[at].representative_ids) {
            form.emplace(prefix + "representatives", std::to_string(id));
        }
    }
    for (std::size_t at = g.links.size(); at < g.links.size() + 2; ++at) {
        const std::string prefix = "link-" + std::to_string(at + 1) + "-";
        form.emplace(prefix + "kind", "network_board");
        form.emplace(prefix + "body_name", "");
    }
    return form;
}

}  // namespace carevoice::web::testing
