// The pieces of the pathway demo (pathway_demo.hpp): a seeded random source, the areas' differences, the
// invented people, and the events of cancer and end-of-life pathways. Internal to the demo library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "demo/pathway_demo.hpp"

namespace carevoice::demo {

// splitmix64: small, fast and the same on every platform, so the demo is the same everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next();
    int Below(int n);                // 0 … n-1
    int Between(int low, int high);  // low … high inclusive
    bool Chance(int percent);

  private:
    std::uint64_t state_;
};

// How care differs in each area (index into kDemoAreas). Invented figures.
struct AreaProfile {
    int treat_max = 30;     // days from decision to treat to treatment, at most
    int diagnosis_min = 6;  // days from first seen to diagnosis communicated
    int diagnosis_max = 20;
    int key_worker_percent = 90;  // pathways with a named key worker
    int preference_percent = 70;  // end-of-life patients with a preferred place of death recorded
    int in_place_percent = 80;    // of those, how many die there
    int deprivation_centre = 3;   // the area's typical deprivation quintile
};
const AreaProfile& ProfileOf(int area);
int PickArea(Rng& rng);

// pathway_demo_people.cpp: an invented patient living in `area`; n numbers the NHS number.
pathway::Patient InventPatient(Rng& rng, int n, int area, CivilDate today, const std::string& tumour_group);

// pathway_demo_events.cpp: a cancer pathway referred on `referral` and an end-of-life pathway started on
// `start`, with events up to `today` only.
DemoPathway CancerPathway(Rng& rng, int n, int area, CivilDate referral, CivilDate today);
DemoPathway EndOfLifePathway(Rng& rng, int n, int area, CivilDate start, CivilDate today);

}  // namespace carevoice::demo
