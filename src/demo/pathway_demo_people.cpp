// The invented people of the pathway demo: NHS numbers from the test range, names that say they are
// invented, and where they live (one of the four CCG areas, with its own mix of deprivation and ethnicity).
#include <cstdio>

#include "demo/pathway_demo_parts.hpp"

namespace carevoice::demo {
namespace {

constexpr const char* kGivenFemale[] = {"Ada",  "Bea",   "Cora", "Dot",  "Edie", "Faye", "Gwen", "Hana",
                                        "Iris", "Jas",   "Kit",  "Lena", "Mina", "Nell", "Opal", "Pia",
                                        "Rhea", "Sadia", "Tess", "Uma",  "Vera", "Wren", "Yara", "Zoe"};
constexpr const char* kGivenMale[] = {"Abe",   "Bram", "Cal",  "Dev",  "Eli",  "Finn", "Gus",   "Hal",
                                      "Idris", "Jem",  "Kofi", "Lyle", "Moss", "Ned",  "Omar",  "Pip",
                                      "Ravi",  "Sol",  "Ted",  "Ugo",  "Vic",  "Wes",  "Yusuf", "Zak"};
constexpr const char* kFamily[] = {"Ashcombe",  "Brindley", "Cheadle",  "Dunwood",   "Eccles",    "Fenton",
                                   "Goldthorn", "Hanford",  "Ipstones", "Jessop",    "Kidsgrove", "Longton",
                                   "Meir",      "Norton",   "Oakamoor", "Penkhull",  "Rudyard",   "Stallington",
                                   "Trentham",  "Upmeads",  "Wetley",   "Wolstanton"};
// Outward postcode districts only (no full postcode, so no real address), by area.
constexpr const char* kDistricts[4][3] = {
    {"ST5", "ST7", "ST13"}, {"ST1", "ST3", "ST4"}, {"ST16", "ST17", "ST18"}, {"WS11", "WS12", "WS15"}};

template <typename T, std::size_t N>
const T& Pick(Rng& rng, const T (&items)[N]) {
    return items[rng.Below(static_cast<int>(N))];
}

}  // namespace

std::uint64_t Rng::Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

int Rng::Below(int n) { return n <= 0 ? 0 : static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
int Rng::Between(int low, int high) { return low + Below(high - low + 1); }
bool Rng::Chance(int percent) { return Below(100) < percent; }

std::string SyntheticNhsNumber(int n) {
    // 999 000 000x onwards, skipping the nine-digit stems whose check digit would be 10 (no valid number).
    int found = -1;
    for (int stem = 0; stem < 1'000'000; ++stem) {
        char digits[11];
        std::snprintf(digits, sizeof digits, "999%06d", stem);
        const auto check = pathway::NhsCheckDigit(digits);
        if (!check) continue;
        if (++found == n) return std::string(digits) + static_cast<char>('0' + *check);
    }
    return {};
}

const AreaProfile& ProfileOf(int area) {
    // Care that differs by area (shared/domain/003_*.txt): diagnosis slower in Stoke-on-Trent, fewer key
    // workers in Cannock Chase, fewer recorded preferences in both. Invented figures.
    static const AreaProfile kProfiles[4] = {
        {30, 6, 20, 92, 75, 80, 3},   // 05G North Staffordshire
        {30, 10, 30, 80, 55, 65, 1},  // 05W Stoke on Trent
        {30, 5, 18, 90, 80, 82, 4},   // 05V Stafford and Surrounds
        {40, 7, 24, 68, 50, 70, 3},   // 04Y Cannock Chase
    };
    return kProfiles[area];
}

int PickArea(Rng& rng) {
    const int roll = rng.Below(100);  // Stoke 30%, North Staffordshire 25%, Stafford 25%, Cannock Chase 20%
    if (roll < 25) return 0;
    if (roll < 55) return 1;
    if (roll < 80) return 2;
    return 3;
}

pathway::Patient InventPatient(Rng& rng, int n, int area, CivilDate today, const std::string& tumour_group) {
    pathway::Patient p;
    p.nhs_number = SyntheticNhsNumber(n);
    bool female = rng.Chance(50);
    if (tumour_group == "breast") female = rng.Chance(98);
    if (tumour_group == "prostate") female = false;
    if (tumour_group == "gynaecological") female = true;
    p.sex = female ? pathway::Sex::kFemale : pathway::Sex::kMale;
    p.given_name = female ? Pick(rng, kGivenFemale) : Pick(rng, kGivenMale);
    p.family_name = std::string(Pick(rng, kFamily)) + " (invented)";
    const int age = rng.Chance(15) ? rng.Between(30, 54) : rng.Between(55, 94);
    p.date_of_birth = today.AddDays(-(age * 365 + rng.Between(0, 364)));
    p.area_code = kDemoAreas[static_cast<std::size_t>(area)].code;
    p.postcode = kDistricts[area][rng.Below(3)];
    const int lowest = ProfileOf(area).deprivation_centre;
    p.deprivation_quintile = std::clamp(lowest + rng.Between(-1, 1) + (rng.Chance(20) ? rng.Between(-2, 2) : 0), 1, 5);
    const int roll = rng.Below(100);
    const int asian = area == 1 ? 12 : 4;
    if (roll < asian) {
        p.ethnic_group = pathway::EthnicGroup::kAsian;
    } else if (roll < asian + 3) {
        p.ethnic_group = pathway::EthnicGroup::kBlack;
    } else if (roll < asian + 5) {
        p.ethnic_group = pathway::EthnicGroup::kMixed;
    } else if (roll < asian + 6) {
        p.ethnic_group = pathway::EthnicGroup::kOther;
    } else if (roll < asian + 8) {
        p.ethnic_group = pathway::EthnicGroup::kNotStated;
    } else {
        p.ethnic_group = pathway::EthnicGroup::kWhite;
    }
    if (p.ethnic_group == pathway::EthnicGroup::kAsian && rng.Chance(40)) {
        p.preferred_language = rng.Chance(50) ? "Urdu" : "Punjabi";
        p.interpreter_needed = true;
    }
    if (rng.Chance(10)) p.communication_needs = "Hard of hearing: face me and speak clearly (synthetic demo).";
    p.gp_practice = "Demo Health Centre " + std::to_string(1 + rng.Below(9)) + " (synthetic)";
    p.consent_to_share = rng.Chance(90);
    if (rng.Chance(70)) {
        pathway::PersonWhoMatters who;
        who.name = std::string(rng.Chance(50) ? Pick(rng, kGivenFemale) : Pick(rng, kGivenMale)) + " " +
                   std::string(Pick(rng, kFamily)) + " (invented)";
        who.relationship = rng.Chance(50) ? "daughter" : (rng.Chance(50) ? "partner" : "neighbour");
        who.how_to_reach = "01632 960" + std::to_string(100 + rng.Below(900));  // Ofcom's numbers for drama
        who.may_be_told = rng.Chance(70) ? "everything" : "appointments only";
        p.people_who_matter.push_back(who);
    }
    return p;
}

}  // namespace carevoice::demo
