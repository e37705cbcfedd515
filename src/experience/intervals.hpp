// The 95% interval of one organisation's score, and recovery of the unrounded score that a published
// interval still carries. Percentages are on the published 0–100 scale; the 0–10 item is in its own points.
// Pure functions; safe to call from any thread.
#pragma once

#include "core/status.hpp"
#include "experience/normal.hpp"

namespace carevoice::experience {

struct Interval {
    double lower = 0;
    double upper = 0;
    bool operator==(const Interval&) const = default;
};

// Wilson score interval of `percent` (0–100) positive answers among `n` respondents, in percent.
// Fails if n ≤ 0 or the percentage lies outside 0–100.
Result<Interval> WilsonInterval(double percent, int n, double z = kPublishedIntervalZ);

// mean ± z·sd/√n, for the 0–10 item. Fails if n ≤ 0 or sd < 0.
Result<Interval> MeanInterval(double mean, double sd, int n, double z = kPublishedIntervalZ);

// The unrounded percentage behind a published Wilson interval: the interval's centre is
// (p + z²/2n)/(1 + z²/n), so p = centre·(1 + z²/n) − z²/2n. Published scores are rounded to whole
// percent; this recovers what the publisher rated. Fails on n ≤ 0 or an interval that is not one.
Result<double> PercentFromWilson(Interval published, int n, double z = kPublishedIntervalZ);

// The mean behind a published (symmetric) mean interval: its centre.
Result<double> MeanFromInterval(Interval published);

// The respondent-level SD behind a published mean interval: half-width·√n / z.
Result<double> SdFromMeanInterval(Interval published, int n, double z = kPublishedIntervalZ);

// Fails with a message naming the value if n is not a positive number of respondents.
Status CheckRespondents(int n);

}  // namespace carevoice::experience
