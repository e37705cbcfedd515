#include "partnership/environmental_audit.hpp"

#include <map>
#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

constexpr std::string_view kDash = " \xE2\x80\x94 ";  // " — "

std::map<std::string, const RatedItem*, std::less<>> ByCode(const EnvironmentalAudit& audit) {
    std::map<std::string, const RatedItem*, std::less<>> by_code;
    for (const RatedItem& rated : audit.ratings) by_code.emplace(rated.item_code, &rated);
    return by_code;
}

void Count(std::optional<ItemRating> rating, AreaScore& score) {
    if (!rating) {
        ++score.not_rated;
        return;
    }
    switch (*rating) {
        case ItemRating::kPass:
            ++score.pass;
            break;
        case ItemRating::kQualifiedPass:
            ++score.qualified_pass;
            break;
        case ItemRating::kFail:
            ++score.fail;
            break;
        case ItemRating::kNotApplicable:
            ++score.not_applicable;
            break;
    }
}

void SetPercent(AreaScore& score) {
    const int applicable = score.pass + score.qualified_pass + score.fail;
    if (applicable == 0) return;
    score.percent = 100.0 * (score.pass + kQualifiedPassWeight * score.qualified_pass) / applicable;
}

}  // namespace

Status ValidateEnvironmentalAudit(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist) {
    Problems problems;
    problems.RequireText("site", audit.site);
    if (audit.template_key != checklist.key) {
        problems.Add("template_key", "'" + audit.template_key + "' is not the checklist '" + checklist.key + "'");
    }
    if (audit.team.empty()) problems.Add("team", "is required: who carried out the audit?");
    std::set<std::int64_t> team;
    for (std::int64_t person : audit.team) {
        if (!team.insert(person).second) problems.Add("team", "lists person " + std::to_string(person) + " twice");
    }
    std::set<std::string> rated;
    for (const RatedItem& item : audit.ratings) {
        if (!checklist.Find(item.item_code).item) {
            problems.Add(Field("ratings", item.item_code), "is not an item of the checklist");
            continue;
        }
        if (!rated.insert(item.item_code).second) problems.Add(Field("ratings", item.item_code), "is rated twice");
        if (item.rating == ItemRating::kFail && text::Trim(item.comment).empty()) {
            problems.Add(Field("ratings", item.item_code, "reason"), "is required for a fail");
        }
    }
    return problems.ToStatus("the environmental audit");
}

AuditScore ScoreAudit(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist) {
    const auto by_code = ByCode(audit);
    AuditScore score;
    score.overall.area = "Overall";
    for (const ChecklistArea& area : checklist.areas) {
        AreaScore area_score;
        area_score.area = area.name;
        for (const ChecklistItem& item : area.items) {
            auto it = by_code.find(item.code);
            const std::optional<ItemRating> rating =
                it == by_code.end() ? std::nullopt : std::optional<ItemRating>(it->second->rating);
            Count(rating, area_score);
            Count(rating, score.overall);
        }
        SetPercent(area_score);
        score.areas.push_back(std::move(area_score));
    }
    SetPercent(score.overall);
    return score;
}

std::optional<double> LayAuditorShare(const EnvironmentalAudit& audit, std::span<const Person> people) {
    if (audit.team.empty()) return std::nullopt;
    int lay = 0;
    for (std::int64_t member : audit.team) {
        for (const Person& person : people) {
            if (person.id == member && IsLay(person.member_type)) ++lay;
        }
    }
    return static_cast<double>(lay) / static_cast<double>(audit.team.size());
}

std::vector<Action> ActionDraftsFromFails(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist,
                                          std::optional<CivilDate> due_on) {
    const auto by_code = ByCode(audit);
    std::vector<Action> drafts;
    for (const ChecklistArea& area : checklist.areas) {
        for (const ChecklistItem& item : area.items) {
            auto it = by_code.find(item.code);
            if (it == by_code.end() || it->second->rating != ItemRating::kFail) continue;
            Action action;
            action.group_id = audit.group_id;
            if (audit.id != 0) action.audit_id = audit.id;
            action.description = area.name + std::string(kDash) + item.text + ": " +
                                 std::string(text::Trim(it->second->comment)) + " (environmental audit of " +
                                 audit.site + ", " + audit.audited_on.ToString() + ")";
            action.due_on = due_on;
            drafts.push_back(std::move(action));
        }
    }
    return drafts;
}

}  // namespace carevoice::partnership
