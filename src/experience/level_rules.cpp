#include "experience/level_rules.hpp"

#include <string>

namespace carevoice::experience {
namespace {

constexpr double kPercentRoundingUnit = 1;  // scores published to whole percent
constexpr double kMeanRoundingUnit = 0.01;  // the 0–10 item to two decimals

}  // namespace

Result<Level> ParseLevel(std::string_view name) {
    if (name == "trust") return Level::kTrust;
    if (name == "ccg") return Level::kCcg;
    if (name == "alliance") return Level::kAlliance;
    return Status::InvalidArgument("'" + std::string(name) + "' is not one of trust, ccg, alliance");
}

std::string_view LevelName(Level level) {
    switch (level) {
        case Level::kTrust:
            return "trust";
        case Level::kCcg:
            return "ccg";
        case Level::kAlliance:
            return "alliance";
    }
    return "trust";
}

LevelRule RuleFor(Level level, ParameterChoice choice, bool parameters_given) {
    LevelRule rule;
    rule.interval_decides = level == Level::kTrust;
    if (parameters_given) {
        rule.parameters = ParameterPlan::kStored;
    } else if (choice == ParameterChoice::kOwnEstimate) {
        rule.parameters = ParameterPlan::kOwnEstimate;
    } else {
        rule.parameters = level == Level::kTrust ? ParameterPlan::kStored : ParameterPlan::kFitToPublishedRanges;
    }
    return rule;
}

double PublishedRoundingUnit(Measure measure) {
    return measure == Measure::kPercent ? kPercentRoundingUnit : kMeanRoundingUnit;
}

}  // namespace carevoice::experience
