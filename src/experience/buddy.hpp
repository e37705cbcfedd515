// Buddy matching for one year: organisations rated below expected on several questions (mentees) are paired
// with organisations rated above expected where they are below (mentors), choosing the pairs with the largest
// total score advantage — an exact optimum, with the reasons for every pair and for every mentee left unmatched.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "experience/expected_range.hpp"

namespace carevoice::experience {

// Issue 3's defaults: a mentee is below expected on at least 3 questions; a mentor takes at most 2 mentees.
inline constexpr int kDefaultMinBelow = 3;
inline constexpr int kDefaultMentorCapacity = 2;

struct QuestionResult {
    std::string question;  // "Q1" … "Q59"
    Measure measure = Measure::kPercent;
    double score = 0;  // percent, or points for the 0–10 item
    Rating rating = Rating::kWithin;
};

struct BuddyOrganisation {
    std::string code;                     // ODS code, unique
    std::string alliance;                 // cancer alliance; empty if unknown (never counts as "same")
    std::vector<QuestionResult> results;  // its rated questions of the chosen year
};

struct BuddyOptions {
    int min_below = kDefaultMinBelow;              // k: below on at least this many questions makes a mentee
    int mentor_capacity = kDefaultMentorCapacity;  // m: most mentees one mentor takes
    double same_alliance_bonus = 0;                // added to a pair's weight when both are in the same cancer alliance
};

// The rules, exactly:
// - A mentee is rated below on at least k questions. Every other organisation is a possible mentor; a mentee
//   is never a mentor (so nobody mentors itself, and nobody is both).
// - The questions a pair covers: those where the mentee is rated below, the mentor is rated above and the
//   mentor's score is higher (true whenever both were rated on unrounded scores; guards rounded ties).
//   A pair is allowed only if it covers at least one question.
// - advantage = Σ over covered questions of (mentor score − mentee score), on a 0–100 scale (the 0–10 item's
//   points × 10, so that it weighs like a percentage); weight = advantage + the bonus if same alliance.
// - Each mentee gets at most one mentor, each mentor at most m mentees; the pairs maximise the total weight.

struct CoveredQuestion {
    std::string question;
    double mentor_score = 0;  // as given, on the question's own scale
    double mentee_score = 0;
};

struct BuddyPair {
    std::string mentee;
    std::string mentor;
    std::vector<CoveredQuestion> covered;  // in the mentee's order of questions
    double advantage = 0;
    bool same_alliance = false;
    double weight = 0;
};

enum class UnmatchedReason {
    kNoEligibleMentor,          // no organisation is above expected on any question where the mentee is below
    kEligibleMentorsAtCapacity  // every eligible mentor already has m mentees who gain more in the optimum
};

struct UnmatchedMentee {
    std::string mentee;
    UnmatchedReason reason = UnmatchedReason::kNoEligibleMentor;
    std::vector<std::string> below_questions;
    std::vector<std::string> eligible_mentors;  // empty for kNoEligibleMentor
};

struct BuddyPlan {
    std::vector<BuddyPair> pairs;            // in the input order of mentees
    std::vector<UnmatchedMentee> unmatched;  // in the input order of mentees
    double total_weight = 0;
};

// Fails on duplicate or empty organisation codes, a question given twice for one organisation, a question
// with different measures across organisations, a non-finite score, k < 1, m < 1 or a negative bonus.
Result<BuddyPlan> MatchBuddies(std::span<const BuddyOrganisation> organisations, const BuddyOptions& options = {});

}  // namespace carevoice::experience
