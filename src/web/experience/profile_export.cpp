// An organisation's profile as CSV and XLSX, and its tumour-group breakdown as CSV. The same cells go
// into both formats; a figure that a page would not show (too few respondents) is left empty.
#include <cstdio>

#include "core/csv.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::experience_pages {
namespace {

using Cells = std::vector<xlsx::Cell>;

const std::vector<std::string> kProfileHeader = {"organisation_code",
                                                 "organisation_name",
                                                 "level",
                                                 "year",
                                                 "section",
                                                 "question",
                                                 "question_text",
                                                 "n",
                                                 "score",
                                                 "ci_lower",
                                                 "ci_upper",
                                                 "expected_lower",
                                                 "expected_upper",
                                                 "rating",
                                                 "parameters",
                                                 "previous_year",
                                                 "previous_n",
                                                 "previous_score",
                                                 "trend_n",
                                                 "trend_score",
                                                 "change_test",
                                                 "change_p_value",
                                                 "published_change",
                                                 "note"};

const std::vector<std::string> kTumourHeader = {
    "organisation_code", "organisation_name", "year", "tumour_group", "question", "n", "score_unadjusted", "note"};

xlsx::Cell Num(const std::optional<double>& v) { return v ? xlsx::Cell(*v) : xlsx::Cell(); }
xlsx::Cell Num(const std::optional<int>& v) { return v ? xlsx::Cell(static_cast<double>(*v)) : xlsx::Cell(); }

std::string CellText(const xlsx::Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* d = std::get_if<double>(&c)) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.4f", *d);
        std::string out(buf);
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
        return out;
    }
    return "";
}

std::string ToCsv(const std::vector<std::string>& header, const std::vector<Cells>& rows) {
    std::string out = csv::Row(header);
    for (const auto& r : rows) {
        std::vector<std::string> fields;
        fields.reserve(r.size());
        for (const auto& c : r) fields.push_back(CellText(c));
        out += csv::Row(fields);
    }
    return out;
}

std::string ChangeTestName(const Change& c) {
    if (!c.available) return "";
    if (!c.test) return "not tested (mean score)";
    switch (c.test->change) {
        case experience::Change::kSignificantIncrease:
            return "significant increase";
        case experience::Change::kSignificantDecrease:
            return "significant decrease";
        case experience::Change::kNoSignificantChange:
            return "no significant change";
    }
    return "";
}

std::vector<Cells> ProfileRows(const Profile& p, int threshold) {
    std::vector<Cells> rows;
    for (const auto& q : p.questions) {
        Cells r = {p.organisation.code,
                   p.organisation.name,
                   p.organisation.level,
                   static_cast<double>(p.year),
                   q.section,
                   q.question,
                   q.text};
        std::string note;
        if (q.shown) {
            const auto& res = *q.result;
            r.insert(r.end(), {Num(res.input->n), Num(res.input->score), res.rated->interval.lower,
                               res.rated->interval.upper, res.rated->expected.lower, res.rated->expected.upper,
                               std::string(experience::RatingName(res.rated->rating)),
                               std::string(experience::ParameterSourceName(q.source))});
        } else if (q.published_score) {
            // A year of published scores and trends only: the unadjusted score, no interval or rating.
            note = "no case-mix adjusted results for " + std::to_string(p.year) + ": the score is unadjusted";
            r.insert(r.end(), {Num(q.published_n), Num(q.published_score)});
            r.insert(r.end(), 6, xlsx::Cell());
        } else {
            note = q.result ? "fewer than " + std::to_string(threshold) + " respondents: not shown"
                            : "no result published";
            r.insert(r.end(), 8, xlsx::Cell());
        }
        const Change& c = q.change;
        r.insert(r.end(), {static_cast<double>(c.previous_year), Num(c.previous_n), Num(c.previous_score),
                           Num(c.current_n), Num(c.current_score), ChangeTestName(c),
                           c.test ? xlsx::Cell(c.test->p_value) : xlsx::Cell(), c.published_flag, note});
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<Cells> TumourRows(const Profile& p, int threshold) {
    std::vector<Cells> rows;
    for (const auto& t : p.tumour_groups) {
        std::string note;
        switch (t.visibility) {
            case TumourGroupResult::Visibility::kShown:
                break;
            case TumourGroupResult::Visibility::kShownWithoutN:
                note = "n not published";
                break;
            case TumourGroupResult::Visibility::kSuppressed:
                note = "fewer than " + std::to_string(threshold) + " respondents: not shown";
                break;
            case TumourGroupResult::Visibility::kNotPublished:
                note = "not published";
                break;
        }
        rows.push_back({p.organisation.code, p.organisation.name, static_cast<double>(p.year), t.tumour_group,
                        t.question, Num(t.n), Num(t.score), note});
    }
    return rows;
}

std::optional<Profile> LoadProfile(RequestContext& ctx, ExperienceCache& cache) {
    auto snapshot = cache.Current(ctx.db());
    if (!snapshot.ok()) {
        ctx.Error(503, Status::Unavailable("The survey results cannot be read now."));
        return std::nullopt;
    }
    auto query = ParseYearQuery(ctx, **snapshot, false, Leniency::kRefuse, /*trend_years_too=*/true);
    if (!query.ok()) {
        ctx.Error(HttpStatusFor(query.status()), query.status());
        return std::nullopt;
    }
    auto profile = BuildProfile(ctx.db(), cache, **snapshot, ctx.params["code"], query->year, query->choice,
                                ctx.app.config().suppression_threshold);
    if (!profile.ok()) {
        ctx.Error(HttpStatusFor(profile.status()), profile.status());
        return std::nullopt;
    }
    return std::move(*profile);
}

std::string FileStem(const Profile& p) { return "carevoice-" + p.organisation.code + "-" + std::to_string(p.year); }

void ProfileCsv(RequestContext& ctx, ExperienceCache& cache) {
    auto p = LoadProfile(ctx, cache);
    if (!p) return;
    ctx.Csv(FileStem(*p) + "-profile.csv",
            ToCsv(kProfileHeader, ProfileRows(*p, ctx.app.config().suppression_threshold)));
}

void TumourCsv(RequestContext& ctx, ExperienceCache& cache) {
    auto p = LoadProfile(ctx, cache);
    if (!p) return;
    ctx.Csv(FileStem(*p) + "-tumour-groups.csv",
            ToCsv(kTumourHeader, TumourRows(*p, ctx.app.config().suppression_threshold)));
}

void ProfileXlsx(RequestContext& ctx, ExperienceCache& cache) {
    auto p = LoadProfile(ctx, cache);
    if (!p) return;
    const int threshold = ctx.app.config().suppression_threshold;
    std::vector<xlsx::Sheet> sheets = {
        {"Profile " + std::to_string(p->year),
         kProfileHeader,
         ProfileRows(*p, threshold),
         {12, 36, 8, 6, 28, 9, 60, 7, 7, 9, 9, 9, 9, 8, 10, 8, 8, 8, 8, 8, 22, 10, 10, 36}},
        {"Tumour groups", kTumourHeader, TumourRows(*p, threshold), {12, 36, 6, 28, 9, 7, 10, 36}}};
    SendXlsx(ctx, FileStem(*p) + "-profile.xlsx", sheets, p->organisation.name + " " + std::to_string(p->year));
}

}  // namespace

void RegisterExperienceProfileDownloadRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience/organisations/:code/profile.csv", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ProfileCsv(ctx, *cache); });
    router.Add("GET", "/experience/organisations/:code/profile.xlsx", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ProfileXlsx(ctx, *cache); });
    router.Add("GET", "/experience/organisations/:code/tumour-groups.csv", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { TumourCsv(ctx, *cache); });
}

}  // namespace carevoice::web::experience_pages
