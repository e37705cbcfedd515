#include "partnership/reaudit.hpp"

#include <map>

#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

bool Passes(ItemRating rating) { return rating == ItemRating::kPass || rating == ItemRating::kQualifiedPass; }

AreaChange ChangeOf(const AreaScore& before, const AreaScore& after) {
    AreaChange change{after.area, before.percent, after.percent, std::nullopt};
    if (before.percent && after.percent) change.change = *after.percent - *before.percent;
    return change;
}

std::map<std::string, ItemRating, std::less<>> Ratings(const EnvironmentalAudit& audit) {
    std::map<std::string, ItemRating, std::less<>> out;
    for (const RatedItem& rated : audit.ratings) out.emplace(rated.item_code, rated.rating);
    return out;
}

std::string SiteKey(std::string_view site) { return text::ToLower(text::Trim(site)); }

}  // namespace

Result<AuditComparison> CompareAudits(const EnvironmentalAudit& previous, const EnvironmentalAudit& current,
                                      const ChecklistTemplate& checklist) {
    if (previous.template_key != checklist.key || current.template_key != checklist.key) {
        return Status::InvalidArgument("audits on different checklists cannot be compared ('" + previous.template_key +
                                       "', '" + current.template_key + "', expected '" + checklist.key + "')");
    }
    if (!(previous.audited_on < current.audited_on)) {
        return Status::InvalidArgument("the previous audit (" + previous.audited_on.ToString() +
                                       ") must be earlier than the re-audit (" + current.audited_on.ToString() + ")");
    }
    const AuditScore before = ScoreAudit(previous, checklist);
    const AuditScore after = ScoreAudit(current, checklist);
    AuditComparison comparison;
    comparison.previous_id = previous.id;
    comparison.current_id = current.id;
    for (std::size_t at = 0; at < after.areas.size(); ++at) {
        comparison.areas.push_back(ChangeOf(before.areas[at], after.areas[at]));
    }
    comparison.overall = ChangeOf(before.overall, after.overall);

    const auto was = Ratings(previous);
    const auto now = Ratings(current);
    for (const ChecklistArea& area : checklist.areas) {
        for (const ChecklistItem& item : area.items) {
            auto b = was.find(item.code);
            auto a = now.find(item.code);
            if (b == was.end() || a == now.end()) continue;
            const ItemChange change{item.code, area.name, item.text, b->second, a->second};
            if (b->second == ItemRating::kFail && Passes(a->second)) comparison.now_passing.push_back(change);
            if (Passes(b->second) && a->second == ItemRating::kFail) comparison.now_failing.push_back(change);
        }
    }
    return comparison;
}

std::optional<std::size_t> PreviousAuditIndex(std::span<const EnvironmentalAudit> audits,
                                              const EnvironmentalAudit& current) {
    std::optional<std::size_t> best;
    const std::string site = SiteKey(current.site);
    for (std::size_t at = 0; at < audits.size(); ++at) {
        const EnvironmentalAudit& audit = audits[at];
        if (audit.template_key != current.template_key || SiteKey(audit.site) != site) continue;
        if (!(audit.audited_on < current.audited_on)) continue;
        if (!best || audits[*best].audited_on < audit.audited_on) best = at;
    }
    return best;
}

}  // namespace carevoice::partnership
