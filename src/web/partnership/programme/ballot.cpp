// Members rank the year's candidate priorities, once each. A member signed in to carevoice votes as
// the member record their account is linked to; the facilitator records the ballots of members who
// vote on paper or by phone (many have no internet), and links accounts to member records. How each
// person voted is theirs: the page shows only whether they have voted, every ballot is audited, and
// the programme page shows the tally alone.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "store/groups_repository.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/programme_settings_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoVotes = "members of the group, its facilitators and chairs, and administrators,";

struct BallotForm {
    std::string person_id;
    std::map<std::int64_t, std::string> ranks;  // candidate id -> rank as typed
    std::string user_id, link_person_id;        // the account link form
    std::vector<FieldProblem> problems;
};

struct BallotData {
    std::vector<partnership::Person> people;
    std::vector<partnership::CandidatePriority> candidates;
    std::vector<partnership::Ballot> ballots;
    std::optional<std::int64_t> me;
};

Result<BallotData> LoadBallotData(RequestContext& ctx, std::int64_t group_id, int year) {
    BallotData d;
    store::PrioritiesRepository priorities(ctx.db());
    CV_ASSIGN_OR_RETURN(d.people, store::PeopleRepository(ctx.db()).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(d.candidates, priorities.ListPriorities(group_id, year));
    CV_ASSIGN_OR_RETURN(d.ballots, priorities.ListBallots(group_id, year));
    if (ctx.user) {
        CV_ASSIGN_OR_RETURN(d.me, store::ProgrammeSettingsRepository(ctx.db()).PersonOfUser(group_id, ctx.user->id));
    }
    return d;
}

bool HasVoted(const BallotData& d, std::int64_t person_id) {
    return std::any_of(d.ballots.begin(), d.ballots.end(),
                       [&](const partnership::Ballot& b) { return b.person_id == person_id; });
}

const partnership::Person* FindPerson(const BallotData& d, std::int64_t id) {
    for (const auto& p : d.people) {
        if (p.id == id) return &p;
    }
    return nullptr;
}

void RenderBallot(RequestContext& ctx, const GroupStanding& standing, int year, const BallotForm& form, int status) {
    const auto& g = standing.group;
    auto loaded = LoadBallotData(ctx, g.id, year);
    if (!loaded.ok()) return ctx.Error(503, Status::Unavailable("The ballot cannot be read now."));
    const BallotData& d = *loaded;
    const bool manage = standing.MayManage();
    const CivilDate today = ctx.app.clock().Today();
    const int k = static_cast<int>(d.candidates.size());

    nlohmann::json candidates = nlohmann::json::array();
    for (const auto& c : d.candidates) {
        const std::string typed = form.ranks.contains(c.id) ? form.ranks.at(c.id) : "";
        nlohmann::json options = nlohmann::json::array();
        options.push_back({{"value", ""}, {"label", "Not ranked"}, {"selected", typed.empty()}});
        for (int r = 1; r <= k; ++r) {
            options.push_back(
                {{"value", std::to_string(r)}, {"label", std::to_string(r)}, {"selected", typed == std::to_string(r)}});
        }
        const std::string field = "rank-" + std::to_string(c.id);
        nlohmann::json row = {
            {"field", field},
            {"title", c.title},
            {"description", c.description.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.description)},
            {"options", options}};
        for (const auto& p : form.problems) {
            if (p.field == field) row["error"] = p.problem;
        }
        candidates.push_back(row);
    }
    nlohmann::json voters = nlohmann::json::array();  // current members who have not voted
    nlohmann::json members = nlohmann::json::array();
    int voted = 0, eligible = 0;
    for (const auto& p : d.people) {
        if (!partnership::IsMemberOn(p, today)) continue;
        ++eligible;
        const bool has = HasVoted(d, p.id);
        if (has) ++voted;
        const std::string id = std::to_string(p.id);
        members.push_back({{"value", id}, {"label", p.name}, {"selected", form.link_person_id == id}});
        if (!has) voters.push_back({{"value", id}, {"label", p.name}, {"selected", form.person_id == id}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"year", year},
                           {"programme_href", ProgrammePath(g.id, year, "#priorities")},
                           {"candidates", candidates},
                           {"has_candidates", !candidates.empty()},
                           {"may_manage", manage},
                           {"voted_count", voted},
                           {"eligible", eligible},
                           {"voters", voters},
                           {"members", members},
                           {"has_voters", !voters.empty()}};
    if (!manage) {
        const partnership::Person* me = d.me ? FindPerson(d, *d.me) : nullptr;
        data["linked"] = me != nullptr;
        data["my_name"] = me ? me->name : "";
        data["i_voted"] = me && HasVoted(d, me->id);
        data["show_form"] = me && !HasVoted(d, me->id) && partnership::IsMemberOn(*me, today);
    } else {
        data["show_form"] = !voters.empty();
        auto staff = store::GroupsRepository(ctx.db()).Staff(g.id);
        auto links = store::ProgrammeSettingsRepository(ctx.db()).Accounts(g.id);
        if (!staff.ok() || !links.ok())
            return ctx.Error(503, Status::Unavailable("The group's accounts cannot be read now."));
        nlohmann::json accounts = nlohmann::json::array();
        for (const auto& s : *staff) {
            const std::string id = std::to_string(s.user_id);
            accounts.push_back(
                {{"value", id}, {"label", s.display_name + " (" + s.username + ")"}, {"selected", form.user_id == id}});
        }
        nlohmann::json linked = nlohmann::json::array();
        for (const auto& l : *links) {
            const partnership::Person* p = FindPerson(d, l.person_id);
            linked.push_back({{"username", l.username}, {"person", p ? p->name : ""}});
        }
        data["accounts"] = accounts;
        data["has_accounts"] = !accounts.empty();
        data["links"] = linked;
        data["has_links"] = !linked.empty();
    }
    AddErrors(data, form.problems);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back(
        {{"href", ProgrammePath(g.id, year)}, {"label", "Work programme " + std::to_string(year)}});
    ctx.Page("Rank the priorities for " + std::to_string(year), "partnership_ballot", data, status);
}

std::optional<std::pair<GroupStanding, int>> Begin(RequestContext& ctx, bool manage) {
    return BeginProgrammeRequest(ctx, manage ? &GroupStanding::MayManage : &GroupStanding::MayRecord,
                                 manage ? kWhoManagesProgramme : kWhoVotes);
}

void ShowBallot(RequestContext& ctx) {
    auto begun = Begin(ctx, false);
    if (!begun) return;
    RenderBallot(ctx, begun->first, begun->second, {}, 200);
}

void CastBallot(RequestContext& ctx) {
    auto begun = Begin(ctx, false);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto loaded = LoadBallotData(ctx, standing.group.id, year);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    const BallotData& d = *loaded;
    const bool manage = standing.MayManage();
    BallotForm form;
    form.person_id = std::string(text::Trim(ctx.Param("person_id")));

    // Whose ballot: the one chosen by a manager, or the signed-in member's own.
    const partnership::Person* voter = nullptr;
    if (manage) {
        auto id = text::ParseInt(form.person_id);
        voter = id.ok() ? FindPerson(d, *id) : nullptr;
        if (!voter || !partnership::IsMemberOn(*voter, ctx.app.clock().Today())) {
            voter = nullptr;
            form.problems.push_back({"person_id", "Choose the member whose ballot this is"});
        }
    } else {
        voter = d.me ? FindPerson(d, *d.me) : nullptr;
        if (!voter || !partnership::IsMemberOn(*voter, ctx.app.clock().Today())) {
            return ctx.Error(403, "forbidden",
                             "Your carevoice account is not linked to a current member of the group. Ask the group's "
                             "facilitator to link it, or to record your ballot for you.");
        }
    }
    if (voter && HasVoted(d, voter->id)) {
        form.problems.push_back(
            {manage ? "person_id" : "ranks",
             voter->name + " has already voted for " + std::to_string(year) + ". Each member votes once."});
    }

    // The ranks: each candidate ranked at most once, at least one ranked, no number used twice.
    std::vector<std::pair<int, std::int64_t>> ranked;
    std::map<int, std::string> used;
    const std::string first_field = d.candidates.empty() ? "ranks" : "rank-" + std::to_string(d.candidates.front().id);
    for (const auto& c : d.candidates) {
        const std::string field = "rank-" + std::to_string(c.id);
        const std::string typed(text::Trim(ctx.Param(field)));
        form.ranks[c.id] = typed;
        if (typed.empty()) continue;
        auto r = text::ParseInt(typed);
        if (!r.ok() || *r < 1 || *r > static_cast<long long>(d.candidates.size())) {
            form.problems.push_back(
                {field, "Rank \"" + c.title + "\" with a number from 1 to " + std::to_string(d.candidates.size())});
            continue;
        }
        if (used.contains(static_cast<int>(*r))) {
            form.problems.push_back({field, "You gave rank " + typed + " to both \"" + used[static_cast<int>(*r)] +
                                                "\" and \"" + c.title + "\": give each a different number"});
            continue;
        }
        used[static_cast<int>(*r)] = c.title;
        ranked.push_back({static_cast<int>(*r), c.id});
    }
    if (d.candidates.empty()) {
        form.problems.push_back(
            {"ranks", "There are no candidate priorities for " + std::to_string(year) + " to rank"});
    } else if (ranked.empty() && form.problems.size() == 0) {
        form.problems.push_back({first_field, "Rank at least one priority: 1 for the one that matters most"});
    }
    if (!form.problems.empty()) return RenderBallot(ctx, standing, year, form, 422);

    std::sort(ranked.begin(), ranked.end());
    partnership::Ballot ballot;
    ballot.group_id = standing.group.id;
    ballot.programme_year = year;
    ballot.person_id = voter->id;
    for (const auto& [rank, id] : ranked) ballot.choices.push_back(id);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto cast = store::PrioritiesRepository(ctx.db()).CastBallot(ballot, ctx.app.clock().NowSeconds());
    if (!cast.ok()) return ctx.Error(HttpStatusFor(cast.status()), cast.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "ballot.cast", "person",
                                      std::to_string(voter->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(ProgrammePath(standing.group.id, year, "#voting"),
                 manage ? "Recorded the ballot of " + voter->name + "."
                        : "Thank you: your ballot for " + std::to_string(year) + " is counted.");
}

void LinkAccount(RequestContext& ctx) {
    auto begun = Begin(ctx, true);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    BallotForm form;
    form.user_id = std::string(text::Trim(ctx.Param("user_id")));
    form.link_person_id = std::string(text::Trim(ctx.Param("link_person_id")));
    auto staff = store::GroupsRepository(ctx.db()).Staff(standing.group.id);
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(standing.group.id);
    if (!staff.ok() || !people.ok()) return ctx.Error(503, Status::Unavailable("The group cannot be read now."));
    std::optional<std::int64_t> user_id, person_id;
    std::string person_name, username;
    for (const auto& s : *staff) {
        if (std::to_string(s.user_id) == form.user_id) {
            user_id = s.user_id;
            username = s.username;
        }
    }
    for (const auto& p : *people) {
        if (std::to_string(p.id) == form.link_person_id && partnership::IsMemberOn(p, ctx.app.clock().Today())) {
            person_id = p.id;
            person_name = p.name;
        }
    }
    if (!user_id) form.problems.push_back({"user_id", "Choose the account of someone on the group's list"});
    if (!person_id) form.problems.push_back({"link_person_id", "Choose the member the account belongs to"});
    if (!form.problems.empty()) return RenderBallot(ctx, standing, year, form, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status linked = store::ProgrammeSettingsRepository(ctx.db()).LinkAccount(standing.group.id, *user_id, *person_id,
                                                                             ctx.app.clock().NowSeconds());
    if (!linked.ok()) return ctx.Error(HttpStatusFor(linked), linked);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "person.link_account", "person",
                                      std::to_string(*person_id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(GroupPathOf(standing.group.id, "/programme/ballot?year=" + std::to_string(year)),
                 "The account " + username + " now votes as " + person_name + ".");
}

}  // namespace

void RegisterBallotRoutes(Router& router) {
    router.Add("GET", "/groups/:id/programme/ballot", Access::SignedIn(), RouteKind::kPage, ShowBallot);
    router.Add("POST", "/groups/:id/programme/ballot", Access::SignedIn(), RouteKind::kPage, CastBallot);
    router.Add("POST", "/groups/:id/programme/accounts", Access::SignedIn(), RouteKind::kPage, LinkAccount);
}

}  // namespace carevoice::web::partnership_pages
