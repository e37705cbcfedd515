// The sections of a group's annual report (report.cpp), each with its tables: the group, its members and
// their diversity, the meetings held, the work programme (priorities with lay and professional votes, work
// items, measures on XmR charts, the annual review), and impacts by kind. Names only with consent, and
// diversity figures under carevoice's disclosure control (DiversityJson with exact = false).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/measure_observations.hpp"
#include "core/text.hpp"
#include "improvement/spc.hpp"
#include "partnership/impact_views.hpp"
#include "partnership/publication.hpp"
#include "partnership/voting.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/partnership/programme/report.hpp"

namespace carevoice::web::partnership_pages {
namespace {

xlsx::Cell Num(double v) { return xlsx::Cell(v); }
xlsx::Cell Text(std::string s) { return xlsx::Cell(std::move(s)); }
// A figure shown as text on the page ("5", "Fewer than 21"): a number in the workbook when it is one.
xlsx::Cell Figure(const std::string& s) {
    auto n = text::ParseInt(s);
    return n.ok() ? Num(static_cast<double>(*n)) : Text(s);
}

std::string Readable(std::string_view name) {
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', ' ');
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

// A person's name if they agreed to be named; otherwise what they are, without who.
std::string NameIfConsented(const std::vector<partnership::Person>& people, std::optional<std::int64_t> id) {
    if (!id) return "";
    for (const auto& p : people) {
        if (p.id == *id) return p.consent_to_be_named ? p.name : "A member (not named)";
    }
    return "";
}

bool InYear(CivilDate d, int year) { return d.year() == year; }

Section AboutSection(const partnership::Group& g, int year, const std::string& as_of) {
    Section s{"about", "The group", {}, {}};
    ReportTable t{"summary", "Summary", "About the group", {"Item", "Value"}, {}, ""};
    t.rows.push_back({Text("Group"), Text(g.name)});
    t.rows.push_back(
        {Text("Area"), Text(std::string(LabelOf(partnership::kAreaKinds, g.area_kind)) + ": " + g.area_name)});
    t.rows.push_back(
        {Text("Model"), Text(g.model ? "Model " + std::string(NameOf(partnership::kGroupModels, *g.model)) + ": " +
                                           std::string(LabelOf(partnership::kGroupModels, *g.model))
                                     : g.model_description)});
    if (g.year_founded) t.rows.push_back({Text("Founded"), Num(*g.year_founded)});
    if (g.meeting_interval_weeks) {
        t.rows.push_back({Text("Meets every"), Text(std::to_string(*g.meeting_interval_weeks) + " weeks")});
    }
    for (const auto& link : g.links) {
        t.rows.push_back({Text(std::string(LabelOf(partnership::kLinkedBodyKinds, link.kind))), Text(link.body_name)});
    }
    t.rows.push_back({Text("Report year"), Num(year)});
    t.rows.push_back({Text("Membership figures as on"), Text(as_of)});
    s.tables.push_back(std::move(t));
    return s;
}

Section MembersSection(const std::vector<partnership::Person>& people, const partnership::DiversityView& view,
                       const nlohmann::json& diversity, int year, CivilDate as_of) {
    Section s{"members", "Members and their diversity", {}, {}};
    s.paragraphs.push_back(
        "Diversity, tumour and treatment figures come from answers members gave with their consent. " +
        std::string(partnership::kDiversityDisclosureRule) +
        " The group's facilitator sees the exact figures on the diversity page.");
    ReportTable m{"membership", "Members", "Membership", {"Measure", "Members"}, {}, ""};
    std::map<partnership::MemberType, int> by_type;
    int joined = 0, left = 0;
    for (const auto& p : people) {
        if (partnership::IsMemberOn(p, as_of)) ++by_type[p.member_type];
        if (InYear(p.joined_on, year) && p.joined_on <= as_of) ++joined;
        if (p.left_on && InYear(*p.left_on, year) && *p.left_on <= as_of) ++left;
    }
    m.rows.push_back({Text("Current members"), Num(view.members)});
    for (const auto& t : partnership::kMemberTypes) {
        m.rows.push_back({Text(std::string(t.label)), Num(by_type[t.value])});
    }
    m.rows.push_back({Text("Users and carers"), Num(view.lay)});
    m.rows.push_back({Text("Professionals"), Num(view.professionals)});
    m.rows.push_back({Text("Voluntary sector"), Num(view.voluntary_sector)});
    m.rows.push_back({Text("Users and carers per professional"), Text(diversity["ratio"].get<std::string>())});
    m.rows.push_back({Text("Joined in " + std::to_string(year)), Num(joined)});
    m.rows.push_back({Text("Left in " + std::to_string(year)), Num(left)});
    m.rows.push_back(
        {Text("Lapsed (left, or missed the last meetings)"), Num(static_cast<double>(view.lapsed.size()))});
    m.rows.push_back({Text("In or just after treatment"), Figure(diversity["in_treatment"].get<std::string>())});
    s.tables.push_back(std::move(m));

    ReportTable o{"officers", "Officers", "Officers", {"Office", "Held by", "Since"}, {}, "No offices are held."};
    for (const auto& p : people) {
        for (const auto& office : p.offices) {
            if (!partnership::HoldsOfficeOn(p, office, as_of)) continue;
            o.rows.push_back({Text(std::string(LabelOf(partnership::kOffices, office.office))),
                              Text(p.consent_to_be_named ? p.name : "Not named"), Text(office.started_on.ToString())});
        }
    }
    s.tables.push_back(std::move(o));

    ReportTable d{"diversity",
                  "Diversity",
                  "Diversity of users and carers against the population profile",
                  {"Question", "Answer", "Members", "Share of those who answered", "Share of the population"},
                  {},
                  ""};
    for (const auto& dim : diversity["dimensions"]) {
        for (const auto& row : dim["rows"]) {
            d.rows.push_back({Text(dim["label"].get<std::string>()), Text(row["label"].get<std::string>()),
                              Figure(row["members"].get<std::string>()), Text(row["share"].get<std::string>()),
                              Text(row["expected"].get<std::string>())});
        }
        d.rows.push_back({Text(dim["label"].get<std::string>()), Text("Answered"),
                          Figure(dim["answered"].get<std::string>()), Text(""), Text("")});
    }
    s.tables.push_back(std::move(d));

    ReportTable t{
        "tumours", "Tumour types", "Users' and carers' experience by tumour type", {"Tumour type", "Members"}, {}, ""};
    for (const auto& row : diversity["tumours"]) {
        t.rows.push_back({Text(row["tumour_group"].get<std::string>()), Figure(row["members"].get<std::string>())});
    }
    s.tables.push_back(std::move(t));
    return s;
}

Section MeetingsSection(const std::vector<partnership::Meeting>& meetings, int year) {
    Section s{"meetings", "Meetings held", {}, {}};
    ReportTable t{"meetings",
                  "Meetings",
                  "Meetings held in " + std::to_string(year),
                  {"Date", "How", "Attended", "Apologies", "Decisions", "Minutes public"},
                  {},
                  "No meetings were held."};
    for (const auto& m : meetings) {
        if (!InYear(m.held_on, year)) continue;
        t.rows.push_back({Text(m.held_on.ToString()), Text(std::string(LabelOf(partnership::kMeetingModes, m.mode))),
                          Num(static_cast<double>(m.attendees.size())), Num(static_cast<double>(m.apologies.size())),
                          Num(static_cast<double>(m.decisions.size())), Text(m.minutes_public ? "Yes" : "No")});
    }
    s.paragraphs.push_back(std::to_string(t.rows.size()) + " meetings were held in " + std::to_string(year) + ".");
    s.tables.push_back(std::move(t));
    return s;
}

std::string VariationText(const improvement::XmrChart& c) {
    return Readable(improvement::VariationIconName(c.variation_icon));
}
std::string AssuranceText(const improvement::XmrChart& c) {
    return c.assurance_icon == improvement::AssuranceIcon::kNone
               ? "No target"
               : Readable(improvement::AssuranceIconName(c.assurance_icon));
}

Result<Section> ProgrammeSection(store::Connection& conn, std::int64_t group_id, int year,
                                 const std::vector<partnership::Person>& people, CivilDate today,
                                 int pathway_threshold) {
    Section s{"programme", "Work programme", {}, {}};
    store::PrioritiesRepository priorities_repo(conn);
    store::WorkItemsRepository items_repo(conn);
    CV_ASSIGN_OR_RETURN(auto priorities, priorities_repo.ListPriorities(group_id, year));
    CV_ASSIGN_OR_RETURN(auto ballots, priorities_repo.ListBallots(group_id, year));
    CV_ASSIGN_OR_RETURN(auto items, items_repo.ListByGroup(group_id, year));
    CV_ASSIGN_OR_RETURN(auto review, items_repo.FindReview(group_id, year));
    CV_ASSIGN_OR_RETURN(auto measures, store::MeasuresRepository(conn).ListByGroup(group_id));

    ReportTable p{"priorities",
                  "Priorities",
                  "Candidate priorities and the members' vote (ranked: Borda points)",
                  {"Rank", "Priority", "Users' and carers' points", "Professionals' points", "Voluntary sector points",
                   "Total points"},
                  {},
                  "No candidate priorities were put forward."};
    auto tally = partnership::TallyVotes(priorities, ballots, people, partnership::VotingMethod::kRanked);
    if (tally.ok()) {
        for (const auto& t : tally->priorities) {
            p.rows.push_back({Num(t.overall_rank), Text(t.title), Num(t.lay_points), Num(t.professional_points),
                              Num(t.voluntary_sector_points), Num(t.total_points)});
        }
        s.paragraphs.push_back(std::to_string(tally->lay_ballots) + " users and carers, " +
                               std::to_string(tally->professional_ballots) + " professionals and " +
                               std::to_string(tally->voluntary_sector_ballots) + " voluntary-sector members voted.");
    }
    s.tables.push_back(std::move(p));

    ReportTable w{"work-items", "Work items",
                  "Work items", {"Work item", "SMART aim", "Owner", "Needs", "Deadline", "Status", "Milestones done"},
                  {},           "The group signed up to no work items."};
    for (const auto& item : items) {
        std::string needs;
        for (const auto& [label, text] : {std::pair{"People: ", &item.people_needed},
                                          {"Systems: ", &item.systems_needed},
                                          {"Funding: ", &item.funding_needed}}) {
            if (!text->empty()) needs += (needs.empty() ? "" : "; ") + std::string(label) + *text;
        }
        int done = 0;
        for (const auto& m : item.milestones) done += m.done_on ? 1 : 0;
        w.rows.push_back({Text(item.title), Text(item.smart_aim), Text(NameIfConsented(people, item.owner_person_id)),
                          Text(needs), Text(item.deadline.ToString()),
                          Text(std::string(LabelOf(partnership::kWorkItemStatuses, item.status))),
                          Text(std::to_string(done) + " of " + std::to_string(item.milestones.size()))});
    }
    s.tables.push_back(std::move(w));

    ReportTable m{"measures",
                  "Measures",
                  "Measures (XmR charts, Making Data Count)",
                  {"Measure", "Work item", "Points", "Latest date", "Latest value", "Mean", "Variation", "Assurance"},
                  {},
                  "The group tracks no measures."};
    for (const auto& measure : measures) {
        std::string item_title;
        for (const auto& item : items) {
            if (measure.work_item_id && item.id == *measure.work_item_id) item_title = item.title;
        }
        CV_ASSIGN_OR_RETURN(auto observations, app::MeasureObservations(conn, measure, today, pathway_threshold));
        auto chart = observations.empty()
                         ? Result<improvement::XmrChart>(Status::NotFound("no data"))
                         : improvement::ComputeXmrChart(observations, improvement::SpcOptionsFor(measure));
        if (!chart.ok() || chart->points.empty()) {
            m.rows.push_back({Text(measure.name), Text(item_title), Num(0), Text(""), Text(""), Text(""),
                              Text("No data"), Text("")});
            continue;
        }
        const auto& last = chart->points.back();
        m.rows.push_back({Text(measure.name), Text(item_title), Num(static_cast<double>(chart->points.size())),
                          Text(last.date.ToString()), Num(last.value), Num(std::round(last.mean * 100) / 100),
                          Text(VariationText(*chart)), Text(AssuranceText(*chart))});
    }
    s.tables.push_back(std::move(m));

    ReportTable r{"review",    "Review", "The annual review's findings",
                  {"Finding"}, {},       "The year has not been reviewed yet."};
    if (review) {
        for (const auto& f : review->findings) r.rows.push_back({Text(f)});
        s.paragraphs.push_back("Reviewed on " + review->reviewed_on.ToString() +
                               ": its findings seed next year's candidate priorities.");
    }
    s.tables.push_back(std::move(r));
    return s;
}

Section ImpactSection(const std::vector<partnership::Impact>& impacts, int year) {
    Section s{"impacts", "Impacts by kind", {}, {}};
    s.paragraphs.push_back(std::to_string(impacts.size()) + " impacts were recorded in " + std::to_string(year) + ".");
    const auto periods = partnership::ImpactByKindOverTime(impacts, partnership::Period::kQuarter);
    ReportTable t{"impacts-by-kind", "Impacts by kind", "Impacts by kind and quarter", {"Kind"}, {}, ""};
    for (const auto& p : periods) t.header.push_back(p.label);
    t.header.push_back("Total");
    for (std::size_t k = 0; k < partnership::kImpactKinds.size(); ++k) {
        Cells row = {Text(std::string(partnership::kImpactKinds[k].label))};
        int total = 0;
        for (const auto& p : periods) {
            row.push_back(Num(p.by_kind[k]));
            total += p.by_kind[k];
        }
        row.push_back(Num(total));
        t.rows.push_back(std::move(row));
    }
    s.tables.push_back(std::move(t));

    ReportTable map{"influence-map",
                    "Influence map",
                    "Influence map: organisations by strength of influence",
                    {"Organisation", "Influence now", "Strong", "Some", "None", "Latest examples"},
                    {},
                    "No impacts were recorded."};
    for (const auto& o : partnership::InfluenceMap(impacts)) {
        std::string examples;
        for (const auto& e : o.latest) examples += (examples.empty() ? "" : "; ") + e.title;
        map.rows.push_back({Text(o.organisation),
                            Text(std::string(LabelOf(partnership::kInfluenceStrengths, o.strength))), Num(o.strong),
                            Num(o.some), Num(o.none), Text(examples)});
    }
    s.tables.push_back(std::move(map));

    const auto matrix = partnership::BuildInvolvementMatrix(impacts);
    ReportTable mx{"involvement-matrix",
                   "Involvement matrix",
                   "Involvement matrix: decision domain by level of involvement (count: examples)",
                   {"Decision domain"},
                   {},
                   ""};
    for (const auto& level : partnership::kInvolvementLevels) mx.header.push_back(std::string(level.label));
    for (const auto& domain : partnership::kDecisionDomains) {
        Cells row = {Text(std::string(domain.label))};
        for (const auto& level : partnership::kInvolvementLevels) {
            const auto& cell = matrix.at(domain.value, level.value);
            std::string text = std::to_string(cell.count);
            for (std::size_t i = 0; i < cell.examples.size(); ++i) {
                text += (i == 0 ? ": " : "; ") + cell.examples[i].title;
            }
            if (cell.count == 0) text = "0: no evidence";
            row.push_back(Text(text));
        }
        mx.rows.push_back(std::move(row));
    }
    s.tables.push_back(std::move(mx));
    return s;
}

}  // namespace

Result<Report> BuildReport(RequestContext& ctx, const GroupStanding& standing, int year) {
    const auto& g = standing.group;
    const CivilDate today = ctx.app.clock().Today();
    const CivilDate year_end = *CivilDate::FromYmd(year, 12, 31);
    const CivilDate as_of = std::min(today, year_end);
    store::Connection& conn = ctx.db();
    CV_ASSIGN_OR_RETURN(auto people, store::PeopleRepository(conn).ListByGroup(g.id));
    CV_ASSIGN_OR_RETURN(auto meetings, store::MeetingsRepository(conn).ListByGroup(g.id));
    CV_ASSIGN_OR_RETURN(auto profile, store::GroupsRepository(conn).FindPopulationProfile(g.id));
    CV_ASSIGN_OR_RETURN(auto all_impacts, store::ImpactRepository(conn).ListByGroup(g.id));
    CV_ASSIGN_OR_RETURN(auto view, partnership::BuildDiversityView(people, meetings, profile, as_of));
    std::vector<partnership::Impact> impacts;
    for (const auto& i : all_impacts) {
        if (InYear(i.occurred_on, year)) impacts.push_back(i);
    }
    Report r;
    r.title = "Annual report " + std::to_string(year) + ": " + g.name;
    r.as_of = as_of.ToString();
    r.sections.push_back(AboutSection(g, year, r.as_of));
    r.sections.push_back(MembersSection(people, view, DiversityJson(view, false), year, as_of));
    r.sections.push_back(MeetingsSection(meetings, year));
    CV_ASSIGN_OR_RETURN(auto programme, ProgrammeSection(conn, g.id, year, people, today,
                                                         ctx.app.config().pathway_small_count_threshold));
    r.sections.push_back(std::move(programme));
    r.sections.push_back(ImpactSection(impacts, year));
    return r;
}

}  // namespace carevoice::web::partnership_pages
