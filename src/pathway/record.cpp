#include "pathway/record.hpp"

#include "core/problems.hpp"

namespace carevoice::pathway {
namespace {
constexpr std::size_t kMaxShort = 200;
constexpr std::size_t kMaxLong = 20000;
void Max(Problems& p, const char* field, const std::string& v, std::size_t max) {
    if (v.size() > max) p.Add(field, "must be at most " + std::to_string(max) + " characters");
}
}  // namespace

Status ValidatePathwayRecord(const PathwayRecord& r) {
    Problems p;
    p.RequireText("ref", r.ref);
    Max(p, "ref", r.ref, 64);
    p.RequireText("prime_provider", r.prime_provider);
    Max(p, "prime_provider", r.prime_provider, 16);
    Max(p, "tumour_group", r.tumour_group, 100);
    if (r.kind == PathwayKind::kCancer && !r.route) p.Add("route", "is required for a cancer pathway");
    if (r.key_worker) {
        p.RequireText("key_worker_name", r.key_worker->name);
        Max(p, "key_worker_name", r.key_worker->name, kMaxShort);
        Max(p, "key_worker_phone", r.key_worker->phone, 40);
    }
    Max(p, "crisis_name", r.crisis_contact.name, kMaxShort);
    Max(p, "crisis_phone", r.crisis_contact.phone, 40);
    Max(p, "about_me", r.summary.about_me, kMaxLong);
    Max(p, "what_matters", r.summary.what_matters, kMaxLong);
    Max(p, "goals", r.summary.goals, kMaxLong);
    Max(p, "communication_needs", r.summary.communication_needs, kMaxLong);
    Max(p, "care_plan", r.care_plan, kMaxLong);
    return p.ToStatus("the pathway is not complete");
}

Status ValidatePreference(const Preference& pref) {
    Problems p;
    if (pref.state == PreferenceState::kDecided) {
        switch (pref.kind) {
            case PreferenceKind::kPlaceOfCare:
            case PreferenceKind::kPlaceOfDeath:
                if (!ParseName(kPlaces, pref.value)) p.Add("value", "choose a place from the list");
                break;
            case PreferenceKind::kCpr:
                if (pref.value != "attempt" && pref.value != "do_not_attempt") {
                    p.Add("value", "choose attempt CPR or do not attempt CPR");
                }
                if (!pref.review_on) p.Add("review_on", "a CPR decision needs a review date");
                break;
            case PreferenceKind::kLastingPowerOfAttorney:
                if (pref.value != "yes" && pref.value != "no") p.Add("value", "choose yes or no");
                break;
        }
    } else if (!pref.value.empty()) {
        p.Add("value", "leave the choice empty while it is not yet decided");
    }
    Max(p, "detail", pref.detail, 2000);
    return p.ToStatus("the preference is not complete");
}

const Preference* LatestPreference(const PathwayRecord& record, PreferenceKind kind) {
    const Preference* latest = nullptr;
    for (const auto& pref : record.preferences) {
        if (pref.kind == kind && (!latest || pref.recorded_at >= latest->recorded_at)) latest = &pref;
    }
    return latest;
}

std::optional<bool> DiedInPreferredPlace(const PathwayRecord& record) {
    if (!record.died_on || !record.place_of_death) return std::nullopt;
    const Preference* wish = LatestPreference(record, PreferenceKind::kPlaceOfDeath);
    if (!wish || wish->state != PreferenceState::kDecided) return std::nullopt;
    return wish->value == NameOf(kPlaces, *record.place_of_death);
}

}  // namespace carevoice::pathway
