// The comparison of an environmental audit with the audit of its site before it (issue 4, item 8): the
// change of each area's score, the items rated better and worse, and its CSV download.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "partnership/environmental_audit.hpp"
#include "partnership/reaudit.hpp"
#include "store/environmental_audit_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/audits.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::EnvironmentalAudit;
using partnership::ItemRating;

// "+12.5 points", "−4 points", "no change"; "–" when either side has no score.
std::string Change(std::optional<double> change) {
    if (!change) return "\xE2\x80\x93";
    if (std::abs(*change) < 0.05) return "No change";
    std::string s = Percent(std::abs(*change));
    s.pop_back();  // the % sign: a change is in percentage points
    return std::string(*change > 0 ? "Up " : "Down ") + s + " points";
}

// Pass 2, qualified pass 1, fail 0; not applicable: not compared.
std::optional<int> Rank(ItemRating r) {
    switch (r) {
        case ItemRating::kPass:
            return 2;
        case ItemRating::kQualifiedPass:
            return 1;
        case ItemRating::kFail:
            return 0;
        case ItemRating::kNotApplicable:
            break;
    }
    return std::nullopt;
}

struct Compared {
    LoadedAudit current;
    std::optional<EnvironmentalAudit> previous;
    std::optional<partnership::AuditComparison> comparison;
};

std::optional<Compared> LoadComparison(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRead, kWhoReads);
    if (!loaded) return std::nullopt;
    auto audits = store::EnvironmentalAuditRepository(ctx.db()).ListByGroup(loaded->standing.group.id);
    if (!audits.ok()) {
        ctx.Error(503, audits.status());
        return std::nullopt;
    }
    Compared c{std::move(*loaded), std::nullopt, std::nullopt};
    if (auto at = partnership::PreviousAuditIndex(*audits, c.current.audit)) {
        c.previous = (*audits)[*at];
        auto comparison = partnership::CompareAudits(*c.previous, c.current.audit, *c.current.checklist);
        if (!comparison.ok()) {
            ctx.Error(HttpStatusFor(comparison.status()), comparison.status());
            return std::nullopt;
        }
        c.comparison = std::move(*comparison);
    }
    return c;
}

}  // namespace

void ShowComparison(RequestContext& ctx) {
    auto c = LoadComparison(ctx);
    if (!c) return;
    const auto& g = c->current.standing.group;
    const auto& a = c->current.audit;
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"site", a.site},
                           {"audited_on", a.audited_on.ToString()},
                           {"audit_href", AuditBase(g, a.id)},
                           {"has_previous", c->previous.has_value()}};
    if (c->previous) {
        auto change_row = [](const partnership::AreaChange& ch) {
            return nlohmann::json{{"area", ch.area},
                                  {"previous", Percent(ch.previous_percent)},
                                  {"current", Percent(ch.current_percent)},
                                  {"change", Change(ch.change)}};
        };
        nlohmann::json areas = nlohmann::json::array();
        for (const auto& ch : c->comparison->areas) areas.push_back(change_row(ch));
        std::map<std::string, ItemRating> before, after;
        for (const auto& r : c->previous->ratings) before[r.item_code] = r.rating;
        for (const auto& r : a.ratings) after[r.item_code] = r.rating;
        nlohmann::json better = nlohmann::json::array(), worse = nlohmann::json::array();
        for (const auto& area : c->current.checklist->areas) {
            for (const auto& item : area.items) {
                auto b = before.find(item.code);
                auto n = after.find(item.code);
                if (b == before.end() || n == after.end()) continue;
                auto rb = Rank(b->second), rn = Rank(n->second);
                if (!rb || !rn || *rb == *rn) continue;
                nlohmann::json row = {{"code", item.code},
                                      {"area", area.name},
                                      {"text", item.text},
                                      {"before", std::string(LabelOf(partnership::kItemRatings, b->second))},
                                      {"after", std::string(LabelOf(partnership::kItemRatings, n->second))}};
                (*rn > *rb ? better : worse).push_back(row);
            }
        }
        data["previous_on"] = c->previous->audited_on.ToString();
        data["previous_href"] = AuditBase(g, c->previous->id);
        data["areas"] = areas;
        data["overall"] = change_row(c->comparison->overall);
        data["better"] = better;
        data["has_better"] = !better.empty();
        data["worse"] = worse;
        data["has_worse"] = !worse.empty();
        data["csv_href"] = AuditBase(g, a.id) + "/compare.csv";
    }
    nlohmann::json crumbs = AuditsBreadcrumbs(g);
    crumbs.push_back({{"href", AuditBase(g, a.id)}, {"label", a.site + ", " + a.audited_on.ToString()}});
    data["breadcrumbs"] = crumbs;
    ctx.Page("Re-audit compared: " + a.site, "partnership_audit_compare", data);
}

void ComparisonCsv(RequestContext& ctx) {
    auto c = LoadComparison(ctx);
    if (!c) return;
    if (!c->previous) {
        return ctx.Error(404, Status::NotFound("this is the first audit of its site: there is nothing to compare"));
    }
    auto number = [](std::optional<double> v) { return v ? svg::Number(*v, 1) : std::string(); };
    std::string out =
        csv::Row({"area", "previous_audited_on", "previous_percent", "audited_on", "current_percent", "change_points"});
    auto row = [&](const partnership::AreaChange& ch) {
        out += csv::Row({ch.area, c->previous->audited_on.ToString(), number(ch.previous_percent),
                         c->current.audit.audited_on.ToString(), number(ch.current_percent), number(ch.change)});
    };
    for (const auto& ch : c->comparison->areas) row(ch);
    row(c->comparison->overall);
    ctx.Csv("carevoice-reaudit-" + std::to_string(c->current.audit.id) + ".csv", out);
}

}  // namespace carevoice::web::partnership_pages
