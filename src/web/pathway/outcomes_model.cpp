// Reading what the outcomes page needs: every pathway's facts (app/pathway_facts.hpp; no name or NHS number
// is kept), and the names of the areas.
#include <map>

#include "app/pathway_facts.hpp"
#include "core/text.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/app.hpp"
#include "web/pathway/outcomes.hpp"

namespace carevoice::web::outcomes {
namespace {

Result<OutcomesData> Read(store::Connection& conn, CivilDate today, int threshold) {
    OutcomesData data;
    CV_ASSIGN_OR_RETURN(data.facts, app::ReadPathwayFacts(conn, today));
    data.window = {today.AddDays(-364), today};
    data.threshold = threshold;
    std::map<std::string, std::string> areas;
    store::OrganisationsRepository orgs(conn);
    for (const auto& f : data.facts) {
        if (areas.contains(f.area)) continue;
        auto org = orgs.FindByCode(f.area);
        areas[f.area] = org.ok() ? org->name : f.area;
    }
    data.areas.assign(areas.begin(), areas.end());
    return data;
}

std::string Capitalised(std::string text) {
    for (auto& c : text) c = c == '_' ? ' ' : c;
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

std::optional<OutcomesData> LoadOutcomes(RequestContext& ctx) {
    auto data = Read(ctx.db(), ctx.app.clock().Today(), ctx.app.config().pathway_small_count_threshold);
    if (!data.ok()) {
        ctx.Error(503, data.status());
        return std::nullopt;
    }
    return std::move(*data);
}

std::string GroupLabel(const OutcomesData& data, pathway::Dimension dimension, const std::string& group) {
    using pathway::Dimension;
    if (group == "not_known" || group == "not_recorded") return "Not recorded";
    switch (dimension) {
        case Dimension::kArea:
            for (const auto& [code, name] : data.areas) {
                if (code == group) return name;
            }
            return group;
        case Dimension::kDeprivation:
            if (group == "1") return "1 (most deprived)";
            if (group == "5") return "5 (least deprived)";
            return group;
        case Dimension::kSex:
            for (const auto& s : pathway::kSexes) {
                if (s.name == group) return std::string(s.label);
            }
            return group;
        case Dimension::kEthnicGroup:
            for (const auto& e : pathway::kEthnicGroups) {
                if (e.name == group) return std::string(e.label);
            }
            return group;
        case Dimension::kAgeBand:
        case Dimension::kTumourGroup:
            break;
    }
    return Capitalised(group);
}

}  // namespace carevoice::web::outcomes
