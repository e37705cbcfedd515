#include "partnership/diversity.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/problems.hpp"

namespace carevoice::partnership {
namespace {

std::optional<std::string_view> AnswerOf(const Person& person, DiversityDimension dimension) {
    if (!person.diversity_consent) return std::nullopt;
    for (const DiversityAnswer& answer : person.diversity) {
        if (answer.dimension == dimension) return answer.category;
    }
    return std::nullopt;
}

DimensionView ViewOf(DiversityDimension dimension, const std::vector<const Person*>& lay,
                     const PopulationProfile& profile, double seldom_heard_min_share) {
    DimensionView view;
    view.dimension = dimension;
    std::map<std::string, int, std::less<>> counts;
    for (const Person* person : lay) {
        auto answer = AnswerOf(*person, dimension);
        if (answer) {
            ++view.answered;
            ++counts[std::string(*answer)];
        } else {
            ++view.not_answered;
        }
    }
    for (const DiversityCategory& category : DiversityCategories(dimension)) {
        CategoryCount count;
        count.category = std::string(category.name);
        count.label = std::string(category.label);
        auto it = counts.find(category.name);
        count.members = it == counts.end() ? 0 : it->second;
        if (view.answered > 0) count.share = static_cast<double>(count.members) / view.answered;
        for (const ProfileEntry& entry : profile) {
            if (entry.dimension == dimension && entry.category == category.name)
                count.expected_share = entry.expected_share;
        }
        count.seldom_heard_missing =
            count.members == 0 && count.expected_share && *count.expected_share >= seldom_heard_min_share;
        view.categories.push_back(std::move(count));
    }
    return view;
}

std::vector<TumourCount> TumourSpread(const std::vector<const Person*>& lay) {
    std::vector<TumourCount> spread;
    for (std::string_view tumour : kTumourGroups) {
        int members = 0;
        for (const Person* person : lay) {
            if (std::find(person->tumour_experience.begin(), person->tumour_experience.end(), tumour) !=
                person->tumour_experience.end()) {
                ++members;
            }
        }
        spread.push_back({std::string(tumour), members});
    }
    std::stable_sort(spread.begin(), spread.end(),
                     [](const TumourCount& a, const TumourCount& b) { return a.members > b.members; });
    return spread;
}

std::vector<LapsedMember> Lapsed(std::span<const Person> people, std::span<const Meeting> meetings, CivilDate today,
                                 int lapsed_after_meetings) {
    std::vector<const Meeting*> held;
    for (const Meeting& meeting : meetings) {
        if (meeting.held_on <= today) held.push_back(&meeting);
    }
    std::stable_sort(held.begin(), held.end(),
                     [](const Meeting* a, const Meeting* b) { return a->held_on > b->held_on; });  // newest first
    std::vector<LapsedMember> left;
    std::vector<LapsedMember> absent;
    for (const Person& person : people) {
        std::optional<CivilDate> last_attended;
        std::vector<const Meeting*> since_joining;
        for (const Meeting* meeting : held) {
            if (meeting->held_on < person.joined_on) continue;
            since_joining.push_back(meeting);
            const bool attended =
                std::find(meeting->attendees.begin(), meeting->attendees.end(), person.id) != meeting->attendees.end();
            if (attended && !last_attended) last_attended = meeting->held_on;
        }
        if (person.left_on && *person.left_on <= today) {
            left.push_back({person.id, person.name, LapseReason::kLeft, person.left_on, last_attended});
            continue;
        }
        if (!IsMemberOn(person, today)) continue;
        if (static_cast<int>(since_joining.size()) < lapsed_after_meetings) continue;
        const bool attended_recently =
            std::any_of(since_joining.begin(), since_joining.begin() + lapsed_after_meetings, [&](const Meeting* m) {
                return std::find(m->attendees.begin(), m->attendees.end(), person.id) != m->attendees.end();
            });
        if (!attended_recently) {
            absent.push_back({person.id, person.name, LapseReason::kNoRecentAttendance, std::nullopt, last_attended});
        }
    }
    std::stable_sort(left.begin(), left.end(),
                     [](const LapsedMember& a, const LapsedMember& b) { return a.left_on > b.left_on; });
    std::stable_sort(absent.begin(), absent.end(),
                     [](const LapsedMember& a, const LapsedMember& b) { return a.name < b.name; });
    left.insert(left.end(), absent.begin(), absent.end());
    return left;
}

}  // namespace

Status ValidatePopulationProfile(const PopulationProfile& profile) {
    Problems problems;
    std::set<std::pair<DiversityDimension, std::string>> seen;
    std::map<DiversityDimension, double> sums;
    for (std::size_t at = 0; at < profile.size(); ++at) {
        const ProfileEntry& entry = profile[at];
        if (!IsDiversityCategory(entry.dimension, entry.category)) {
            problems.Add(Field("profile", at, "category"),
                         "'" + entry.category + "' is not a category of " +
                             std::string(NameOf(kDiversityDimensions, entry.dimension)));
        } else if (!seen.insert({entry.dimension, entry.category}).second) {
            problems.Add(Field("profile", at, "category"), "'" + entry.category + "' is given twice");
        }
        if (!(entry.expected_share >= 0 && entry.expected_share <= 1)) {
            problems.Add(Field("profile", at, "expected_share"), "must be between 0 and 1");
        } else {
            sums[entry.dimension] += entry.expected_share;
        }
    }
    for (const auto& [dimension, sum] : sums) {
        if (sum > 1 + kShareSumTolerance) {
            problems.Add("profile", "shares of " + std::string(NameOf(kDiversityDimensions, dimension)) +
                                        " add up to more than 1 (" + std::to_string(sum) + ")");
        }
    }
    return problems.ToStatus("the population profile");
}

Result<DiversityView> BuildDiversityView(std::span<const Person> people, std::span<const Meeting> meetings,
                                         const PopulationProfile& profile, CivilDate today,
                                         const DiversityOptions& options) {
    CV_RETURN_IF_ERROR(ValidatePopulationProfile(profile));
    Problems problems;
    if (options.lapsed_after_meetings < 1) problems.Add("lapsed_after_meetings", "must be at least 1");
    if (!(options.seldom_heard_min_share >= 0 && options.seldom_heard_min_share <= 1)) {
        problems.Add("seldom_heard_min_share", "must be between 0 and 1");
    }
    CV_RETURN_IF_ERROR(problems.ToStatus("the diversity view's options"));

    DiversityView view;
    std::vector<const Person*> lay;
    for (const Person& person : people) {
        if (!IsMemberOn(person, today)) continue;
        ++view.members;
        switch (ConstituencyOf(person.member_type)) {
            case Constituency::kLay:
                ++view.lay;
                lay.push_back(&person);
                break;
            case Constituency::kProfessional:
                ++view.professionals;
                break;
            case Constituency::kVoluntarySector:
                ++view.voluntary_sector;
                break;
        }
        if (IsLay(person.member_type) && person.treatment_stage && InOrJustAfterTreatment(*person.treatment_stage)) {
            ++view.in_or_just_after_treatment;
        }
    }
    if (view.professionals > 0) view.users_per_professional = static_cast<double>(view.lay) / view.professionals;
    for (const auto& dimension : kDiversityDimensions) {
        DimensionView dimension_view = ViewOf(dimension.value, lay, profile, options.seldom_heard_min_share);
        for (const CategoryCount& count : dimension_view.categories) {
            if (count.seldom_heard_missing) {
                view.seldom_heard_missing.push_back(std::string(dimension.label) + ": " + count.label);
            }
        }
        view.dimensions.push_back(std::move(dimension_view));
    }
    view.tumour_spread = TumourSpread(lay);
    view.lapsed = Lapsed(people, meetings, today, options.lapsed_after_meetings);
    return view;
}

}  // namespace carevoice::partnership
