// An organisation's profile for one year: every question by questionnaire section with its score,
// 95% interval, expected range, rating and change since the previous year, and the tumour-group
// breakdown; sorted and filtered by links (no JavaScript), printable, and downloadable as CSV and XLSX.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "core/csv.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::experience_pages {
namespace {

using experience::Rating;

struct ProfileView {
    std::string sort = "questionnaire";  // questionnaire, score, rating, change, respondents
    std::string rating;                  // "", above, within, below
    bool significant_only = false;
    std::string group;  // tumour group shown in detail
};

Result<ProfileView> ParseView(const RequestContext& ctx) {
    ProfileView v;
    if (auto s = ctx.Param("sort"); !s.empty()) {
        if (s != "questionnaire" && s != "score" && s != "rating" && s != "change" && s != "respondents") {
            return Status::InvalidArgument("The address has a value that is not right.",
                                           {{"sort", "'" + s +
                                                         "' is not one of questionnaire, score, rating, change, "
                                                         "respondents"}});
        }
        v.sort = s;
    }
    v.rating = ctx.Param("rating");
    if (!v.rating.empty() && v.rating != "above" && v.rating != "within" && v.rating != "below") {
        return Status::InvalidArgument("The address has a value that is not right.",
                                       {{"rating", "'" + v.rating + "' is not one of above, within, below"}});
    }
    v.significant_only = ctx.Param("change") == "significant";
    v.group = ctx.Param("group");
    return v;
}

std::string RatingClass(Rating r) {
    switch (r) {
        case Rating::kAbove:
            return "nhsuk-tag--green";
        case Rating::kBelow:
            return "nhsuk-tag--red";
        case Rating::kWithin:
            return "nhsuk-tag--grey";
    }
    return "nhsuk-tag--grey";
}

std::string RatingSymbol(Rating r) { return r == Rating::kAbove ? "▲" : r == Rating::kBelow ? "▼" : "●"; }

bool Significant(const Change& c) { return c.test && c.test->change != experience::Change::kNoSignificantChange; }

nlohmann::json ChangeJson(const ProfileQuestion& q) {
    const Change& c = q.change;
    nlohmann::json j = {{"change_available", c.available}, {"published_flag", TextOrNull(c.published_flag)}};
    if (!c.available) {
        j["change_text"] =
            "Not available for " + std::to_string(c.previous_year) + " and " + std::to_string(c.previous_year + 1);
        return j;
    }
    const double diff = *c.current_score - *c.previous_score;
    const bool mean = experience::IsMeanQuestion(q.question);
    j["change_text"] = FormatScore(q.question, *c.previous_score) + " to " + FormatScore(q.question, *c.current_score) +
                       " (" + (diff > 0 ? "+" : "") + svg::Number(diff, mean ? 2 : 0) +
                       (mean                  ? ""
                        : std::abs(diff) == 1 ? " point"
                                              : " points") +
                       ")";
    if (!c.test) {
        j["change_note"] = "Not tested (a mean score)";
    } else if (Significant(c)) {
        const bool up = c.test->change == experience::Change::kSignificantIncrease;
        j["change_tag"] = std::string(up ? "▲ Significant increase" : "▼ Significant decrease");
        j["change_tag_class"] = up ? "nhsuk-tag--green" : "nhsuk-tag--red";
    } else {
        j["change_note"] = "No significant change";
    }
    return j;
}

nlohmann::json RowJson(const ProfileQuestion& q, int threshold) {
    nlohmann::json j = {{"question", q.question},
                        {"text", TextOrNull(q.text)},
                        {"section", q.section},
                        {"shown", q.shown},
                        {"own_estimate", false}};
    if (q.shown) {
        const auto& r = *q.result;
        j["n"] = *r.input->n;
        j["score"] = FormatScore(q.question, *r.input->score);
        j["interval"] = FormatInterval(q.question, r.rated->interval);
        j["expected"] = FormatInterval(q.question, r.rated->expected);
        j["rating_label"] = RatingLabel(r.rated->rating);
        j["rating_class"] = RatingClass(r.rated->rating);
        j["rating_symbol"] = RatingSymbol(r.rated->rating);
        j["own_estimate"] = q.source == experience::ParameterSource::kEstimated;
        // The published score is rounded and a limit rounds to it: the rating could go either way.
        j["borderline"] =
            r.borderline
                ? nlohmann::json("Borderline: the published score " + FormatScore(q.question, *r.input->score) +
                                 " and the " + std::string(experience::LimitSideName(r.borderline->side)) + " limit " +
                                 FormatValue(q.question, r.borderline->limit) + " round to the same figure")
                : nlohmann::json(nullptr);
    } else if (q.published_score) {
        j["trend_n"] = *q.published_n;
        j["trend_score"] = FormatScore(q.question, *q.published_score);
    } else {
        j["not_shown"] = q.result ? "Fewer than " + std::to_string(threshold) + " respondents: not shown"
                                  : "No result published for this organisation";
    }
    j.update(ChangeJson(q));
    return j;
}

int RatingOrder(const ProfileQuestion& q) {
    if (!q.shown) return 3;
    switch (q.result->rated->rating) {
        case Rating::kBelow:
            return 0;
        case Rating::kWithin:
            return 1;
        case Rating::kAbove:
            return 2;
    }
    return 1;
}

void SortRows(std::vector<const ProfileQuestion*>& rows, const std::string& sort) {
    auto score = [](const ProfileQuestion* q) { return q->shown ? q->result->rated->deciding_score : -1e9; };
    auto key = [&](const ProfileQuestion* q) -> double {
        if (sort == "score") return -score(q);
        if (sort == "respondents") return q->shown ? -*q->result->input->n : 1e9;
        if (sort == "change") return q->change.available ? *q->change.current_score - *q->change.previous_score : 1e9;
        return RatingOrder(*q) * 1e6 + score(q);
    };
    if (sort == "questionnaire") return;
    std::stable_sort(rows.begin(), rows.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
}

std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out;
    for (const auto& [k, v] : parts) {
        if (v.empty()) continue;
        out += (out.empty() ? "?" : "&") + k + "=" + UrlEncode(v);
    }
    return out;
}

nlohmann::json TumourGroupsJson(const Profile& p, const ProfileView& view, const std::string& base,
                                const std::string& code_path, int threshold) {
    std::vector<std::string> order;
    std::map<std::string, std::pair<int, int>> counts;  // shown, not shown
    for (const auto& t : p.tumour_groups) {
        if (!counts.contains(t.tumour_group)) order.push_back(t.tumour_group);
        auto& c = counts[t.tumour_group];
        const bool shown = t.visibility == TumourGroupResult::Visibility::kShown ||
                           t.visibility == TumourGroupResult::Visibility::kShownWithoutN;
        (shown ? c.first : c.second)++;
    }
    std::sort(order.begin(), order.end());
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : order) {
        groups.push_back(
            {{"name", g},
             {"shown", counts[g].first},
             {"not_shown", counts[g].second},
             {"selected", g == view.group},
             {"href", code_path + base + (base.empty() ? "?" : "&") + "group=" + UrlEncode(g) + "#tumour-groups"}});
    }
    nlohmann::json detail = nlohmann::json::array();
    for (const auto& t : p.tumour_groups) {
        if (t.tumour_group != view.group) continue;
        nlohmann::json row = {{"question", t.question}};
        switch (t.visibility) {
            case TumourGroupResult::Visibility::kShown:
                row["n"] = *t.n;
                row["score"] = FormatScore(t.question, *t.score);
                break;
            case TumourGroupResult::Visibility::kShownWithoutN:
                row["n_text"] = "n not published";
                row["score"] = FormatScore(t.question, *t.score);
                break;
            case TumourGroupResult::Visibility::kSuppressed:
                row["n_text"] = "Fewer than " + std::to_string(threshold) + ": not shown";
                break;
            case TumourGroupResult::Visibility::kNotPublished:
                row["n_text"] = "Not published";
                break;
        }
        detail.push_back(row);
    }
    return {{"groups", groups},
            {"has_groups", !groups.empty()},
            {"detail", detail},
            {"has_detail", !detail.empty()},
            {"group", view.group}};
}

// The sex and deprivation splits as one row per question, in questionnaire order, with the gap between
// the most and the least deprived fifth where both were published.
nlohmann::json SplitsJson(const Profile& p, const Snapshot& snapshot) {
    // {sex, deprivation fifth, the column's heading (also shown beside each cell on a phone)}
    static const char* kColumns[][3] = {
        {"Female", "All", "Female"}, {"Male", "All", "Male"}, {"Both", "1", "1 (most deprived)"}, {"Both", "2", "2"},
        {"Both", "3", "3"},          {"Both", "4", "4"},      {"Both", "5", "5 (least deprived)"}};
    std::map<std::string, std::map<std::pair<std::string, std::string>, double>> by_question;
    for (const auto& s : p.splits) by_question[s.question][{s.sex, s.imd_quintile}] = s.score;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& q : snapshot.questions) {
        auto it = by_question.find(q.id);
        if (it == by_question.end()) continue;
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& c : kColumns) {
            auto v = it->second.find({c[0], c[1]});
            cells.push_back({{"heading", c[2]}, {"value", v == it->second.end() ? "–" : FormatScore(q.id, v->second)}});
        }
        nlohmann::json row = {{"question", q.id}, {"text", q.text}, {"cells", cells}};
        auto most = it->second.find({"Both", "1"}), least = it->second.find({"Both", "5"});
        if (most != it->second.end() && least != it->second.end()) {
            const double gap = most->second - least->second;
            const bool mean = experience::IsMeanQuestion(q.id);
            std::string text = svg::Number(gap, mean ? 2 : 0);
            if (gap > 0) text.insert(0, 1, '+');
            if (!mean) text += " points";
            row["gap"] = text;
        }
        rows.push_back(row);
    }
    return rows;
}

void ShowProfile(RequestContext& ctx, ExperienceCache& cache) {
    const int threshold = ctx.app.config().suppression_threshold;
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) return ctx.Error(503, Status::Unavailable("The survey results cannot be read now."));
    auto query = ParseYearQuery(ctx, **snapshot, false, Leniency::kDefaults, /*trend_years_too=*/true);
    if (!query.ok()) return ctx.Error(HttpStatusFor(query.status()), query.status());
    auto view = ParseView(ctx);
    if (!view.ok()) return ctx.Error(422, view.status());
    const std::string page_key =
        CacheKey({"profile", ctx.params["code"], std::to_string(query->year), ChoiceName(query->choice), view->sort,
                  view->rating, view->significant_only ? "significant" : "", view->group});
    if (query->problems.empty() && ServeCachedPage(ctx, **snapshot, page_key)) return;
    auto profile = BuildProfile(ctx.db(), cache, **snapshot, ctx.params["code"], query->year, query->choice, threshold);
    if (!profile.ok()) return ctx.Error(HttpStatusFor(profile.status()), profile.status());
    const Profile& p = *profile;
    const std::string code_path = "/experience/organisations/" + UrlEncode(p.organisation.code);
    const std::string params = query->choice == app::ParameterChoice::kOwnEstimate ? "own" : "";
    const std::string year = std::to_string(p.year);

    std::vector<const ProfileQuestion*> rows;
    int above = 0, within = 0, below = 0, hidden = 0, significant = 0, estimated = 0;
    for (const auto& q : p.questions) {
        if (q.shown) {
            Rating r = q.result->rated->rating;
            (r == Rating::kAbove ? above : r == Rating::kBelow ? below : within)++;
            if (q.source == experience::ParameterSource::kEstimated) ++estimated;
        } else {
            ++hidden;
        }
        if (Significant(q.change)) ++significant;
        if (!view->rating.empty() &&
            (!q.shown || std::string(experience::RatingName(q.result->rated->rating)) != view->rating))
            continue;
        if (view->significant_only && !Significant(q.change)) continue;
        rows.push_back(&q);
    }
    SortRows(rows, view->sort);
    const bool grouped = view->sort == "questionnaire";
    nlohmann::json sections = nlohmann::json::array();
    for (const auto* q : rows) {
        if (sections.empty() || (grouped && sections.back()["name"] != q->section)) {
            sections.push_back({{"name", grouped ? q->section : "All questions"}, {"rows", nlohmann::json::array()}});
        }
        sections.back()["rows"].push_back(RowJson(*q, threshold));
    }

    auto link = [&](const std::string& sort, const std::string& rating, bool sig) {
        return code_path + QueryString({{"year", year},
                                        {"parameters", params},
                                        {"sort", sort == "questionnaire" ? "" : sort},
                                        {"rating", rating},
                                        {"change", sig ? "significant" : ""}});
    };
    nlohmann::json sorts = nlohmann::json::array();
    for (auto [key, label] : {std::pair{"questionnaire", "Questionnaire order"},
                              {"rating", "Rating, below first"},
                              {"score", "Score, highest first"},
                              {"change", "Change, largest fall first"},
                              {"respondents", "Respondents, most first"}}) {
        sorts.push_back({{"label", label},
                         {"href", link(key, view->rating, view->significant_only)},
                         {"current", view->sort == key}});
    }
    nlohmann::json filters = nlohmann::json::array();
    for (auto [key, label] : {std::pair{"", "All questions"},
                              {"below", "Below expected"},
                              {"within", "Within expected"},
                              {"above", "Above expected"},
                              {"significant", "Significant changes"}}) {
        const bool sig = std::string(key) == "significant";
        filters.push_back(
            {{"label", label},
             {"href", link(view->sort, sig ? "" : key, sig)},
             {"current", sig ? view->significant_only : (!view->significant_only && view->rating == key)}});
    }
    // Every year of the survey: those with case-mix adjusted ratings and those with published scores and
    // trends only, newest first.
    std::set<int, std::greater<>> all_years((*snapshot)->years.begin(), (*snapshot)->years.end());
    all_years.insert((*snapshot)->trend_years.begin(), (*snapshot)->trend_years.end());
    nlohmann::json years = nlohmann::json::array();
    for (int y : all_years) {
        const bool rated =
            std::find((*snapshot)->years.begin(), (*snapshot)->years.end(), y) != (*snapshot)->years.end();
        years.push_back({{"year", y},
                         {"label", rated ? std::to_string(y) : std::to_string(y) + " (scores and trends only)"},
                         {"href", code_path + QueryString({{"year", std::to_string(y)}, {"parameters", params}})},
                         {"current", y == p.year}});
    }
    const std::string download_query = QueryString({{"year", year}, {"parameters", params}});
    nlohmann::json data = {
        {"name", p.organisation.name},
        {"code", p.organisation.code},
        {"level", LevelLabel(p.organisation.level)},
        {"alliance_name", TextOrNull(p.alliance_name)},
        {"alliance_href", p.alliance_code.empty() ? "" : "/experience/organisations/" + UrlEncode(p.alliance_code)},
        {"year", p.year},
        {"previous_year", p.year - 1},
        {"years", years},
        {"sections", sections},
        {"trend_only", p.trend_only},
        {"has_rows", !rows.empty()},
        {"ratings_problem", TextOrNull(p.ratings_problem)},
        {"no_match", rows.empty() && p.ratings_problem.empty()},
        {"above", above},
        {"within", within},
        {"below", below},
        {"hidden", hidden},
        {"has_hidden", hidden > 0},
        {"significant", significant},
        {"threshold", threshold},
        {"sorts", sorts},
        {"filters", filters},
        {"own_parameters", query->choice == app::ParameterChoice::kOwnEstimate},
        {"estimated", estimated},
        {"has_estimated", estimated > 0},
        {"published_href", code_path + QueryString({{"year", year}})},
        {"own_href", code_path + QueryString({{"year", year}, {"parameters", "own"}})},
        {"csv_href", code_path + "/profile.csv" + download_query},
        {"xlsx_href", code_path + "/profile.xlsx" + download_query},
        {"groups_csv_href", code_path + "/tumour-groups.csv" + download_query},
        {"buddy_href",
         p.organisation.level == "trust" && !p.trend_only
             ? "/experience/buddy?year=" + year + "&trust=" + UrlEncode(p.organisation.code) + "#your-pair"
             : ""},
        {"overview_href", "/experience/overview?year=" + year +
                              (p.alliance_code.empty() ? "" : "&alliance=" + UrlEncode(p.alliance_code))},
        {"is_trust", p.organisation.level == "trust"}};
    data["tumour"] =
        TumourGroupsJson(p, *view, QueryString({{"year", year}, {"parameters", params}}), code_path, threshold);
    data["splits"] = SplitsJson(p, **snapshot);
    data["has_splits"] = !data["splits"].empty();
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}},
                           {{"href", "/experience/organisations"}, {"label", "Organisations"}}};
    RenderPage(ctx, **snapshot, page_key, p.organisation.name + ", " + year, "experience_profile", data,
               query->problems);
}

}  // namespace

void RegisterExperienceProfileRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience/organisations/:code", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowProfile(ctx, *cache); });
    RegisterExperienceProfileDownloadRoutes(router, cache);
}

}  // namespace carevoice::web::experience_pages
