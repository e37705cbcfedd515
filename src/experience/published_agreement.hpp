// How far a year's ratings reproduce what was published: the expected ranges after rounding, and the ratings,
// overall and leaving out ties (a published score equal to a published limit, which the rounded figures cannot
// decide). `carevoice ratings --compare` prints it; the published-figure tests assert it. Pure.
#pragma once

#include "experience/benchmarking.hpp"
#include "experience/level_rules.hpp"

namespace carevoice::experience {

struct PublishedAgreement {
    int ranges = 0;             // rated results with a published expected range
    int ranges_reproduced = 0;  // ... whose both limits equal carevoice's after rounding to the score's unit
    int ratings = 0;            // rated results with a published rating
    int ratings_agreed = 0;
    int ties = 0;                   // of those, published score equal to a published limit (rounded-limit levels)
    int ratings_agreed_untied = 0;  // agreement on the others
    int borderline = 0;             // rated results carevoice shows as borderline
};

// Compares every rated result of `ratings` with its published range and rating. Ranges are compared after
// rounding both to the unit the score is published in (PublishedRoundingUnit). Ties are counted only where
// the published score decides (`rule.interval_decides` false): elsewhere the unrounded score settles them.
PublishedAgreement CompareWithPublished(const YearRatings& ratings, const LevelRule& rule);

}  // namespace carevoice::experience
